using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sandik.Server.Audit;
using Sandik.Server.Components.Account;
using Sandik.Storage.Identity;

namespace Sandik.Server.Identity;

/// <summary>
/// Signing in and out: a password, then the authenticator code (or, for a role that needs a second factor and has
/// none yet, enrolment of an authenticator app). Pages are rendered on the server and post ordinary forms with an
/// antiforgery token; posts are rate limited per client address and failures count towards the account's lockout.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string TwoFactorPath = "/account/two-factor";
    public const string EnrolPath = "/account/enrol";
    public const string LogoutPath = "/account/logout";

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Account").ExcludeFromDescription();
        group.MapGet(LoginPath, (HttpContext http, IAntiforgery forms, string? returnUrl) => SignInPage(http, forms, returnUrl, null));
        group.MapPost(LoginPath, SignIn).RequireRateLimiting(AccessRegistration.SignInLimit);
        group.MapGet(TwoFactorPath, (HttpContext http, IAntiforgery forms, string? returnUrl) => CodePage(http, forms, returnUrl, null));
        group.MapPost(TwoFactorPath, TwoFactor).RequireRateLimiting(AccessRegistration.SignInLimit);
        group.MapGet(EnrolPath, EnrolPage);
        group.MapPost(EnrolPath, Enrol).RequireRateLimiting(AccessRegistration.SignInLimit);
        group.MapPost(LogoutPath, SignOut);
        return app;
    }

    private static async Task<IResult> SignIn([FromForm] SignInInput input, HttpContext http, IAntiforgery forms, SignInManager<UserAccount> signIn)
    {
        var returnUrl = Local(input.ReturnUrl);
        var user = string.IsNullOrWhiteSpace(input.UserName) ? null : await signIn.UserManager.FindByNameAsync(input.UserName.Trim());
        if (user is null || string.IsNullOrEmpty(input.Password))
        {
            // As slow as a real password check, so the answer's timing does not tell which user names exist.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(Nobody.Value.User, Nobody.Value.Hash, input.Password ?? "");
            return SignInPage(http, forms, returnUrl, Words.WrongPassword);
        }
        if (Roles.RequiresSecondFactor(user.Role) && !user.TwoFactorEnabled)
        {
            // The password alone never opens a session for this role: it only lets the user enrol a second factor.
            var checkedPassword = await signIn.CheckPasswordSignInAsync(user, input.Password, lockoutOnFailure: true);
            if (!checkedPassword.Succeeded) return SignInPage(http, forms, returnUrl, Failure(checkedPassword));
            await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, PendingSecondFactor(user));
            return TypedResults.Redirect(With(EnrolPath, returnUrl));
        }
        var result = await signIn.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.LocalRedirect(Landing(user, returnUrl));
        if (result.RequiresTwoFactor) return TypedResults.Redirect(With(TwoFactorPath, returnUrl));
        return SignInPage(http, forms, returnUrl, Failure(result));
    }

    private static async Task<IResult> TwoFactor([FromForm] CodeInput input, HttpContext http, IAntiforgery forms, SignInManager<UserAccount> signIn)
    {
        var returnUrl = Local(input.ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return TypedResults.Redirect(With(LoginPath, returnUrl));
        if (!user.TwoFactorEnabled) return TypedResults.Redirect(With(EnrolPath, returnUrl));
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code(input.Code), isPersistent: false, rememberClient: false);
        return result.Succeeded ? TypedResults.LocalRedirect(Landing(user, returnUrl)) : CodePage(http, forms, returnUrl, result.IsLockedOut ? Words.LockedOut : Words.WrongCode);
    }

    private static async Task<IResult> EnrolPage(HttpContext http, IAntiforgery forms, SignInManager<UserAccount> signIn, string? returnUrl)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return TypedResults.Redirect(With(LoginPath, Local(returnUrl)));
        if (user.TwoFactorEnabled) return TypedResults.Redirect(With(TwoFactorPath, Local(returnUrl)));
        return await EnrolForm(http, forms, signIn.UserManager, user, Local(returnUrl), null);
    }

    private static async Task<IResult> Enrol([FromForm] CodeInput input, HttpContext http, IAntiforgery forms, SignInManager<UserAccount> signIn, AuditLog audit)
    {
        var returnUrl = Local(input.ReturnUrl);
        var users = signIn.UserManager;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return TypedResults.Redirect(With(LoginPath, returnUrl));
        if (user.TwoFactorEnabled) return TypedResults.Redirect(With(TwoFactorPath, returnUrl));
        if (await users.IsLockedOutAsync(user)) return await EnrolForm(http, forms, users, user, returnUrl, Words.LockedOut);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code(input.Code)))
        {
            await users.AccessFailedAsync(user);
            return await EnrolForm(http, forms, users, user, returnUrl, Words.WrongCode);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.ResetAccessFailedCountAsync(user);
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AccessClaims.AuthenticationMethod, AccessClaims.SecondFactor)]);
        await audit.RecordAsync(new Actor(user.Id, user.UserName), AuditActions.UserEnrolSecondFactor, user.UserName, null, new { twoFactor = true });
        return TypedResults.LocalRedirect(Landing(user, returnUrl));
    }

    private static async Task<IResult> SignOut([FromForm] SignOutInput input, HttpContext http, SignInManager<UserAccount> signIn, SessionGuard guard)
    {
        if (http.User.IdOf() is { } id && await signIn.UserManager.FindByIdAsync(id) is { } user)
        {
            // Signing out ends every session of the user, not only this browser's cookie (a copy of it stops working too).
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            guard.End(user.Id);
        }
        await signIn.SignOutAsync();
        return TypedResults.Redirect(LoginPath);
    }

    private static IResult SignInPage(HttpContext http, IAntiforgery forms, string? returnUrl, string? error) =>
        new RazorComponentResult<SignInForm>(new { ReturnUrl = Local(returnUrl), Error = error, Token = Token(http, forms) });

    private static IResult CodePage(HttpContext http, IAntiforgery forms, string? returnUrl, string? error) =>
        new RazorComponentResult<TwoFactorForm>(new { ReturnUrl = Local(returnUrl), Error = error, Token = Token(http, forms) });

    private static async Task<IResult> EnrolForm(HttpContext http, IAntiforgery forms, UserManager<UserAccount> users, UserAccount user, string returnUrl, string? error)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return new RazorComponentResult<EnrolForm>(new { ReturnUrl = returnUrl, Error = error, Token = Token(http, forms), Key = key!, UserName = user.UserName });
    }

    /// <summary>The cookie Identity reads between the password and the second factor: the user's id, nothing more.</summary>
    private static ClaimsPrincipal PendingSecondFactor(UserAccount user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme));

    private static FormToken Token(HttpContext http, IAntiforgery forms)
    {
        var tokens = forms.GetAndStoreTokens(http);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken!);
    }

    private static string Failure(Microsoft.AspNetCore.Identity.SignInResult result) => result.IsLockedOut ? Words.LockedOut : Words.WrongPassword;

    private static string Code(string? text) => (text ?? "").Replace(" ", "").Replace("-", "");

    /// <summary>Only paths of this server are followed after signing in; anything else goes to the start page.</summary>
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    /// <summary>Where a user lands when they asked for nothing in particular: their own area when they have one.</summary>
    private static string Landing(UserAccount user, string returnUrl) =>
        returnUrl == "/" && user.Scope.Length > 0 && Permissions.Allows(user.Role, Permission.ReadResults)
            ? "/" + Ui.UiLinks.Area(user.Scope)
            : returnUrl;

    private static string With(string path, string returnUrl) => returnUrl == "/" ? path : $"{path}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    private static readonly Lazy<(UserAccount User, string Hash)> Nobody = new(() =>
    {
        var nobody = new UserAccount();
        return (nobody, new PasswordHasher<UserAccount>().HashPassword(nobody, UserAdministration.NewPassword()));
    });

    private static class Words
    {
        public const string WrongPassword = "Kullanıcı adı ya da parola yanlış. / Wrong user name or password.";
        public const string WrongCode = "Kod yanlış ya da süresi geçmiş. / Wrong or expired code.";
        public const string LockedOut = "Çok fazla hatalı deneme: hesap 15 dakika kilitli. / Too many failed attempts: the account is locked for 15 minutes.";
    }
}

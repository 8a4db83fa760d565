namespace Sandik.Server.Ui;

/// <summary>
/// Links between the operations centre's pages. Area codes hold '/' (<c>34/Kadıköy</c>), which the area route takes
/// as it is (<c>areas/34/Kadıköy</c>): each segment is escaped on its own, the slashes are kept.
/// </summary>
public static class UiLinks
{
    public static string Area(string code) => "areas/" + string.Join('/', code.Split('/').Select(Uri.EscapeDataString));

    public static string Box(string code) => "boxes?code=" + Uri.EscapeDataString(code);

    /// <summary>The area code a route captured, whether or not the router decoded it.</summary>
    public static string AreaCode(string? captured) =>
        string.IsNullOrEmpty(captured) ? "" : Uri.UnescapeDataString(captured).Trim('/');

    /// <summary>Appends <c>name=value</c> to the path's query; nothing when the value is empty.</summary>
    public static string With(string path, string name, string? value) =>
        string.IsNullOrEmpty(value) ? path : path + (path.Contains('?') ? '&' : '?') + name + "=" + Uri.EscapeDataString(value);
}

namespace Sandik.Server.Tests.Ui.Support;

/// <summary>Addresses of the operations centre's screens.</summary>
public static class UiPath
{
    public static string Box(string code, string? sources = null) =>
        "boxes?code=" + Uri.EscapeDataString(code) + (sources is null ? "" : "&sources=" + sources);
}

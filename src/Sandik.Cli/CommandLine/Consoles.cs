using Spectre.Console;

namespace Sandik.Cli.CommandLine;

/// <summary>Spectre consoles over any writer: styled on a terminal, plain and unwrapped when piped or captured.</summary>
public static class Consoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = (writer == Console.Out && !Console.IsOutputRedirected) || (writer == Console.Error && !Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal) console.Profile.Width = 240;
        return console;
    }
}

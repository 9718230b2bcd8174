using System.Text;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli;

/// <summary>The passphrase comes from <c>WIJKWERK_PASSPHRASE</c> (scripts, tests) or a prompt that does not echo.</summary>
public static class Passphrase
{
    public const string EnvironmentVariable = "WIJKWERK_PASSPHRASE";

    /// <summary>The passphrase set for scripts and tests, or null when none is.</summary>
    public static string? FromEnvironment() => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static string? FromEnvironmentOrPrompt(Lang lang, TextId prompt)
    {
        if (FromEnvironment() is { } fromEnvironment)
            return fromEnvironment;
        if (Console.IsInputRedirected)
            return null;
        return Prompt(Texts.Get(prompt, lang));
    }

    public static string Prompt(string label)
    {
        Console.Error.Write(label + " ");
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                    typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}

namespace Wijkwerk.Tui.Terminal;

public enum UiLanguage
{
    Dutch,
    English,
}

using System.Globalization;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>A date typed as dd-mm-jjjj; only real calendar dates pass (31-02-2025 does not).</summary>
public sealed class DateField : IWidget
{
    public const string Format = "dd-MM-yyyy";
    private readonly TextField _field;

    /// <param name="invalidMessage">Shown for text that is not a real date in dd-mm-jjjj form.</param>
    /// <param name="requiredMessage">When given, an empty field is an error with this message.</param>
    public DateField(string label = "", string invalidMessage = "Ongeldige datum: gebruik dd-mm-jjjj", string? requiredMessage = null)
    {
        InvalidMessage = invalidMessage;
        RequiredMessage = requiredMessage;
        _field = new TextField(label, Format.Length, Validate)
        {
            AllowedChar = c => char.IsAsciiDigit(c) || c == '-',
            Placeholder = "dd-mm-jjjj",
        };
        _field.Changed += _ => Changed?.Invoke(Value);
    }

    public event Action<DateOnly?>? Changed;

    public string InvalidMessage { get; }
    public string? RequiredMessage { get; }

    /// <summary>The form's own rule for a real date (in the past, beyond a maximum), shown at the field as it is typed.</summary>
    public Func<string?>? Rule { get; set; }

    public TextField Input => _field;

    public CellPosition? Cursor => _field.Cursor;

    public string Text
    {
        get => _field.Text;
        set => _field.Text = value;
    }

    /// <summary>The date, or null while the text is empty or not a real date.</summary>
    public DateOnly? Value
    {
        get => TryParse(_field.Text, out var date) ? date : null;
        set => _field.Text = value?.ToString(Format, CultureInfo.InvariantCulture) ?? "";
    }

    public string? Error => _field.Error;

    public bool IsValid => _field.IsValid;

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public bool Validate() => _field.Validate();

    public bool HandleKey(KeyInput key) => _field.HandleKey(key);

    public void Render(ScreenBuffer buffer, Rect area, bool focused) => _field.Render(buffer, area, focused);

    private string? Validate(string text)
    {
        if (text.Length == 0)
        {
            return RequiredMessage;
        }
        return TryParse(text, out _) ? Rule?.Invoke() : InvalidMessage;
    }
}

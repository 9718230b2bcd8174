namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// What one synced column may hold: the text the laptop writes there and can read back, at most as long
/// as the form allows. <see cref="ValueRules"/> holds one per column of every synced table.
/// </summary>
/// <param name="IsValid">Whether a non-empty value has the right shape (a date that exists, a known name, a guid…).</param>
/// <param name="Expected">What a valid value looks like, in Dutch, for the refusal reason.</param>
public sealed record ColumnFormat(string Column, int MaxLength, Func<string, bool> IsValid, string Expected)
{
    /// <summary>The laptop's column may be NULL: the value may be absent, null or empty.</summary>
    public bool Optional { get; init; }

    /// <summary>The form requires it: not empty, not only spaces.</summary>
    public bool Required { get; init; }

    /// <summary>Typed in a text area: line breaks and tabs are part of the text.</summary>
    public bool MultiLine { get; init; }

    /// <summary>A date the form does not accept after today (a birth date, the day of a visit).</summary>
    public bool NotAfterToday { get; init; }
}

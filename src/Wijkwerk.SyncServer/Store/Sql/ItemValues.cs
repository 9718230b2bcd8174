namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// How a statement that writes many items (<see cref="SqlDialect.ExecItems"/>) reads the values of one item: from a row
/// of a FROM clause that holds all of them, or from parameters bound for each item in turn.
/// </summary>
internal sealed class ItemValues
{
    private readonly Func<int, string> _text;
    private readonly Func<int, string> _integer;

    private ItemValues(Func<int, string> text, Func<int, string> integer, string from, string inOrder) =>
        (_text, _integer, From, InOrder) = (text, integer, from, inOrder);

    /// <summary>Every item a row of <paramref name="from"/> (a FROM clause whose rows are named <c>j</c>, in the items' order by <c>j.key</c>).</summary>
    public static ItemValues Rows(Func<int, string> text, Func<int, string> integer, string from) => new(text, integer, from, "ORDER BY j.key");

    /// <summary>One item at a time, its values bound as <c>@i0</c>, <c>@i1</c>, …, with the types they have.</summary>
    public static ItemValues Bound { get; } = new(Parameter, Parameter, "", "");

    /// <summary>The FROM clause the values come from ("" when they are bound).</summary>
    public string From { get; }

    /// <summary>The clause that takes the items in the order given, for a statement whose result depends on it ("" when each runs alone, in that order).</summary>
    public string InOrder { get; }

    /// <summary>The value at <paramref name="index"/> of the item, as text (null stays null).</summary>
    public string Text(int index) => _text(index);

    /// <summary>The value at <paramref name="index"/> of the item, as a whole number.</summary>
    public string Integer(int index) => _integer(index);

    /// <summary>The name the value at <paramref name="index"/> of an item is bound under.</summary>
    public static string Parameter(int index) => "@i" + index;
}

namespace Wijkwerk.Tui.Terminal;

/// <summary>A slot in a <see cref="Rect"/> split: a fixed number of cells, or a weighted share of what is left.</summary>
public readonly record struct LayoutSize
{
    private LayoutSize(int fixedCells, int fillWeight)
    {
        FixedCells = fixedCells;
        FillWeight = fillWeight;
    }

    public int FixedCells { get; }
    public int FillWeight { get; }
    public bool IsFill => FillWeight > 0;

    public static LayoutSize Fixed(int cells) =>
        cells >= 0 ? new(cells, 0) : throw new ArgumentOutOfRangeException(nameof(cells), cells, "Size cannot be negative.");

    public static LayoutSize Fill(int weight = 1) =>
        weight > 0 ? new(0, weight) : throw new ArgumentOutOfRangeException(nameof(weight), weight, "Weight must be positive.");
}

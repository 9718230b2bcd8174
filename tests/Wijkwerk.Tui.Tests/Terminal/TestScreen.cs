using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Terminal;

/// <summary>A screen that draws fixed text and records the keys it receives.</summary>
public sealed class TestScreen(string text = "scherm", bool handlesKeys = true) : IScreen
{
    public List<KeyInput> Keys { get; } = [];

    public string Text { get; set; } = text;

    public CellPosition? Cursor { get; set; }

    public int RenderCount { get; private set; }

    public void Render(ScreenBuffer buffer)
    {
        RenderCount++;
        buffer.Put(0, 0, Text, CellStyle.Default);
    }

    public bool HandleKey(KeyInput key)
    {
        Keys.Add(key);
        return handlesKeys;
    }
}

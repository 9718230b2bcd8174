using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Widgets;

public sealed class TextFieldTests
{
    [Fact]
    public void HandleKey_TypingAndEditing_ProducesExpectedText()
    {
        var field = new TextField("Naam");

        Type(field, "Jansn");
        field.HandleKey(KeyInput.Left);
        field.HandleKey(KeyInput.Character('e'));
        field.HandleKey(KeyInput.Home);
        field.HandleKey(KeyInput.Delete);
        field.HandleKey(KeyInput.Character('j'));
        field.HandleKey(KeyInput.End);
        field.HandleKey(KeyInput.Backspace);

        Assert.Equal("janse", field.Text);
        Assert.Equal(5, field.CaretIndex);
    }

    [Fact]
    public void HandleKey_BackspaceAtStartDeleteAtEnd_DoNothing()
    {
        var field = new TextField { Text = "ab" };

        field.HandleKey(KeyInput.Delete);
        field.HandleKey(KeyInput.Home);
        field.HandleKey(KeyInput.Backspace);

        Assert.Equal("ab", field.Text);
    }

    [Fact]
    public void HandleKey_AtMaxLength_RejectsButConsumesPrintable()
    {
        var field = new TextField(maxLength: 3);
        Type(field, "abc");

        var handled = field.HandleKey(KeyInput.Character('q'));

        Assert.True(handled);
        Assert.Equal("abc", field.Text);
    }

    [Fact]
    public void HandleKey_TabEscAndCtrl_NotConsumed()
    {
        var field = new TextField();

        Assert.False(field.HandleKey(KeyInput.Tab));
        Assert.False(field.HandleKey(KeyInput.Escape));
        Assert.False(field.HandleKey(KeyInput.Ctrl('s')));
    }

    [Fact]
    public void Validator_ErrorAfterTyping_ShownBelowField()
    {
        var field = new TextField("Postcode", validator: t => t.Length == 6 ? null : "Postcode heeft 6 tekens");
        var buffer = new ScreenBuffer(50, 2);
        field.Render(buffer, buffer.Bounds, focused: true);
        var before = buffer.ToText();

        Type(field, "1234");
        field.Render(buffer, buffer.Bounds, focused: true);

        Assert.DoesNotContain("!", before, StringComparison.Ordinal);
        Assert.Equal("> Postcode 1234\n           ! Postcode heeft 6 tekens", buffer.ToText());
        Type(field, "AB");
        field.Render(buffer, buffer.Bounds, focused: true);
        Assert.Equal("> Postcode 1234AB\n", buffer.ToText());
    }

    [Fact]
    public void Validator_OneRowArea_ErrorNextToField()
    {
        var field = new TextField("Naam", validator: t => t.Length > 0 ? null : "Verplicht");
        var buffer = new ScreenBuffer(40, 1);

        Assert.False(field.Validate());
        field.Render(buffer, buffer.Bounds, focused: false);

        Assert.EndsWith("! Verplicht", buffer.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongText_ScrollsToKeepCaretVisible()
    {
        var field = new TextField(maxLength: 100);
        var buffer = new ScreenBuffer(10, 1);
        Type(field, "abcdefghijklmnop");

        field.Render(buffer, buffer.Bounds, focused: true);

        Assert.Equal("hijklmnop", buffer.ToText());
        Assert.Equal(new CellPosition(9, 0, Visible: true), field.Cursor);
    }

    [Fact]
    public void Render_DutchDiacritics_OneCellEach()
    {
        var field = new TextField("Naam");
        var buffer = new ScreenBuffer(30, 1);
        Type(field, "Öztürk-Ëlçi");

        field.Render(buffer, buffer.Bounds, focused: true);

        Assert.Equal("> Naam Öztürk-Ëlçi", buffer.ToText());
        Assert.Equal(7 + 11, field.Cursor!.Value.X);
    }

    private static void Type(IWidget widget, string text)
    {
        foreach (var c in text)
        {
            widget.HandleKey(KeyInput.Character(c));
        }
    }
}

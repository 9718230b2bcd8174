using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Widgets;

public sealed class FormWidgetTests
{
    [Theory]
    [InlineData("29-02-2024", true)]
    [InlineData("29-02-2025", false)]
    [InlineData("31-04-2026", false)]
    [InlineData("01-13-2026", false)]
    [InlineData("1-1-2026", false)]
    [InlineData("15-08-1950", true)]
    public void DateField_TypedText_ValidOnlyForRealDates(string text, bool valid)
    {
        var field = new DateField("Geboortedatum");

        Type(field, text);

        Assert.Equal(valid, field.IsValid);
        Assert.Equal(valid ? null : "Ongeldige datum: gebruik dd-mm-jjjj", field.Error);
        Assert.Equal(valid ? DateOnly.ParseExact(text, "dd-MM-yyyy") : null, field.Value);
    }

    [Fact]
    public void DateField_LettersAndTooLong_AreRejected()
    {
        var field = new DateField();

        Type(field, "0a1-0b1-2026xyz99");

        Assert.Equal("01-01-2026", field.Text);
        Assert.Equal(new DateOnly(2026, 1, 1), field.Value);
    }

    [Fact]
    public void DateField_EmptyAndRequired_ErrorOnValidate()
    {
        var optional = new DateField();
        var required = new DateField(requiredMessage: "Datum is verplicht");

        Assert.True(optional.Validate());
        Assert.False(required.Validate());
        Assert.Equal("Datum is verplicht", required.Error);
    }

    [Fact]
    public void DateField_EmptyUnfocused_ShowsPlaceholder()
    {
        var field = new DateField("Start");
        var buffer = new ScreenBuffer(30, 1);

        field.Render(buffer, buffer.Bounds, focused: false);

        Assert.Equal("  Start dd-mm-jjjj", buffer.ToText());
    }

    [Fact]
    public void TextArea_EnterAndBackspace_SplitAndJoinLines()
    {
        var area = new TextArea("Notitie");

        Type(area, "Wond schoon");
        for (var i = 0; i < 6; i++)
        {
            area.HandleKey(KeyInput.Left);
        }
        area.HandleKey(KeyInput.Enter);
        var split = area.Lines.ToArray();
        area.HandleKey(KeyInput.Backspace);

        Assert.Equal(["Wond ", "schoon"], split);
        Assert.Equal("Wond schoon", area.Text);
    }

    [Fact]
    public void TextArea_UpDown_KeepColumnWithinLine()
    {
        var area = new TextArea { Text = "lange eerste regel\nkort\nderde regel" };

        area.HandleKey(KeyInput.Up);
        var onShort = (area.CaretLine, area.CaretColumn);
        area.HandleKey(KeyInput.Up);
        area.HandleKey(KeyInput.Character('!'));

        Assert.Equal((1, 4), onShort);
        Assert.Equal("lang!e eerste regel", area.Lines[0]);
    }

    [Fact]
    public void TextArea_Render_LabelAndLinesWithCursor()
    {
        var area = new TextArea("Notitie") { Text = "regel 1\nregel 2" };
        var buffer = new ScreenBuffer(20, 4);

        area.Render(buffer, buffer.Bounds, focused: true);

        Assert.Equal("> Notitie\n  regel 1\n  regel 2\n", buffer.ToText());
        Assert.Equal(new CellPosition(9, 2, Visible: true), area.Cursor);
    }

    [Fact]
    public void SelectField_RightLeftSpace_CycleWithWrap()
    {
        var field = new SelectField<string>("Frequentie", ["dagelijks", "wekelijks", "maandelijks"]);

        field.HandleKey(KeyInput.Left);
        var wrapped = field.SelectedValue;
        field.HandleKey(KeyInput.Space);
        field.HandleKey(KeyInput.Right);

        Assert.Equal("maandelijks", wrapped);
        Assert.Equal("wekelijks", field.SelectedValue);
    }

    [Fact]
    public void MultiSelectField_SpaceToggles_MarkersShowSelection()
    {
        var field = new MultiSelectField<string>("Zorg", ["wondzorg", "medicatie", "douchen"]);
        var buffer = new ScreenBuffer(30, 4);

        field.HandleKey(KeyInput.Space);
        field.HandleKey(KeyInput.Down);
        field.HandleKey(KeyInput.Down);
        field.HandleKey(KeyInput.Space);
        field.Render(buffer, buffer.Bounds, focused: true);

        Assert.Equal(["wondzorg", "douchen"], field.SelectedValues);
        Assert.Equal("> Zorg\n  [x] wondzorg\n  [ ] medicatie\n> [x] douchen", buffer.ToText());
        Assert.True(buffer[0, 3].Style.IsReverse);
    }

    [Fact]
    public void Checkbox_Space_TogglesAndEnterIsIgnored()
    {
        var box = new Checkbox("Mantelzorger aanwezig");

        box.HandleKey(KeyInput.Space);
        var handledEnter = box.HandleKey(KeyInput.Enter);

        Assert.True(box.Checked);
        Assert.False(handledEnter);
    }

    [Fact]
    public void Button_EnterOrSpace_Presses()
    {
        var button = new Button("Opslaan");
        var presses = 0;
        button.Pressed += () => presses++;

        button.HandleKey(KeyInput.Enter);
        button.HandleKey(KeyInput.Space);
        button.HandleKey(KeyInput.Character('x'));

        Assert.Equal(2, presses);
    }

    [Fact]
    public void FocusRing_TabAndShiftTab_MoveFocusWithWrap()
    {
        var name = new TextField("Naam");
        var date = new DateField("Datum");
        var save = new Button("Opslaan");
        var ring = new FocusRing(name, date, save);

        ring.HandleKey(KeyInput.Tab);
        ring.HandleKey(KeyInput.Tab);
        ring.HandleKey(KeyInput.Tab);
        var wrapped = ring.Focused;
        ring.HandleKey(KeyInput.ShiftTab);

        Assert.Same(name, wrapped);
        Assert.Same(save, ring.Focused);
        Assert.Single(ring.Widgets, ring.IsFocused);
    }

    [Fact]
    public void FocusRing_TypedKeys_GoToFocusedWidgetOnly()
    {
        var first = new TextField();
        var second = new TextField();
        var ring = new FocusRing(first, second);

        ring.HandleKey(KeyInput.Tab);
        Type(ring, "ab");

        Assert.Equal("", first.Text);
        Assert.Equal("ab", second.Text);
    }

    [Fact]
    public void FocusRing_DisplayOnlyWidget_CannotBeAdded()
    {
        Assert.Throws<ArgumentException>(() => new FocusRing(new StatusBar()));
    }

    private static void Type(IWidget widget, string text)
    {
        foreach (var c in text)
        {
            widget.HandleKey(KeyInput.Character(c));
        }
    }

    private static void Type(FocusRing ring, string text)
    {
        foreach (var c in text)
        {
            ring.HandleKey(KeyInput.Character(c));
        }
    }
}

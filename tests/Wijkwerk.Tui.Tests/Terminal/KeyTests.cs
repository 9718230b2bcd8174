using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Terminal;

public sealed class KeyTests
{
    [Theory]
    [InlineData(ConsoleKey.F5, '\0', false, false, "F5")]
    [InlineData(ConsoleKey.F12, '\0', false, false, "F12")]
    [InlineData(ConsoleKey.Tab, '\t', true, false, "Shift+Tab")]
    [InlineData(ConsoleKey.S, '\u0013', false, true, "Ctrl+S")]
    [InlineData(ConsoleKey.Escape, '\u001b', false, false, "Esc")]
    [InlineData(ConsoleKey.Enter, '\r', false, false, "Enter")]
    [InlineData(ConsoleKey.PageDown, '\0', false, false, "PgDn")]
    [InlineData(ConsoleKey.UpArrow, '\0', false, false, "↑")]
    [InlineData(ConsoleKey.Oem2, '?', true, false, "?")]
    [InlineData(ConsoleKey.E, 'ë', false, false, "ë")]
    public void Map_ConsoleKey_GivesExpectedDisplayName(ConsoleKey consoleKey, char keyChar, bool shift, bool ctrl, string expected)
    {
        var mapped = ConsoleKeyMapper.Map(new ConsoleKeyInfo(keyChar, consoleKey, shift, alt: false, ctrl));

        Assert.NotNull(mapped);
        Assert.Equal(expected, KeyNames.Display(mapped.Value));
    }

    [Fact]
    public void Map_ControlCharWithoutModifier_IsCtrlLetter()
    {
        var mapped = ConsoleKeyMapper.Map(new ConsoleKeyInfo('\u0003', 0, shift: false, alt: false, control: false));

        Assert.Equal(KeyInput.Ctrl('c'), mapped);
    }

    [Fact]
    public void Ctrl_UpperAndLowerCase_AreEqual()
    {
        Assert.Equal(KeyInput.Ctrl('S'), KeyInput.Ctrl('s'));
        Assert.False(KeyInput.Ctrl('s').IsPrintable);
    }

    [Fact]
    public void Display_SeveralKeys_JoinedWithSlash()
    {
        Assert.Equal("↑/k", KeyNames.Display([KeyInput.Up, KeyInput.Character('k')]));
    }
}

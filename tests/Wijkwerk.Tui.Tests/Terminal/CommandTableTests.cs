using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Terminal;

public sealed class CommandTableTests
{
    [Fact]
    public void TryDispatch_FirstCommandDisabled_RunsNextEnabledBoundCommand()
    {
        var ran = new List<string>();
        var table = new CommandTable(
        [
            new CommandDefinition("opslaan", "Opslaan", "Save", [KeyInput.Ctrl('s')], () => false, () => ran.Add("opslaan")),
            new CommandDefinition("concept", "Concept", "Draft", [KeyInput.Ctrl('s')], () => true, () => ran.Add("concept")),
        ]);

        var handled = table.TryDispatch(KeyInput.Ctrl('S'));

        Assert.True(handled);
        Assert.Equal(["concept"], ran);
    }

    [Fact]
    public void TryDispatch_UnboundKey_ReturnsFalse()
    {
        var table = new CommandTable([CommandDefinition.Create("sync", "Synchroniseren", "Sync", KeyInput.Function(5), () => { })]);

        Assert.False(table.TryDispatch(KeyInput.Function(6)));
    }

    [Fact]
    public void Hints_DisabledOrHiddenCommands_AreLeftOut()
    {
        var table = new CommandTable(
        [
            CommandDefinition.Create("hulp", "Hulp", "Help", KeyInput.Character('?'), () => { }),
            new CommandDefinition("opslaan", "Opslaan", "Save", [KeyInput.Ctrl('s')], () => false, () => { }),
            new CommandDefinition("omhoog", "Omhoog", "Up", [KeyInput.Up, KeyInput.Character('k')], () => true, () => { }) { ShowInStatusBar = false },
        ]);

        Assert.Equal("? Hulp", table.FormatHints(80, Lang.Nl));
        Assert.Equal(3, table.HelpEntries(Lang.En).Count);
        Assert.Equal(new CommandHint("↑/k", "Up", true), table.HelpEntries(Lang.En)[2]);
    }

    [Fact]
    public void FormatHints_TooNarrow_DropsWholeHintsAndEndsWithEllipsis()
    {
        var table = Sample();

        var hints = table.FormatHints(24, Lang.Nl);

        Assert.Equal("? Hulp  / Filter  …", hints);
        Assert.True(hints.Length <= 24);
    }

    [Fact]
    public void FormatHints_WideEnough_ShowsAllInEnglish()
    {
        Assert.Equal("? Help  / Filter  Ctrl+S Save  F5 Sync", Sample().FormatHints(80, Lang.En));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(17)]
    public void FormatHints_AnyWidth_NeverExceedsWidth(int width)
    {
        Assert.True(Sample().FormatHints(width, Lang.Nl).Length <= width);
    }

    [Fact]
    public void Combine_ScreenBeforeGlobal_ScreenCommandWins()
    {
        var ran = "";
        var screen = new CommandTable([CommandDefinition.Create("terug", "Terug", "Back", KeyInput.Escape, () => ran = "screen")]);
        var global = new CommandTable([CommandDefinition.Create("stoppen", "Stoppen", "Quit", KeyInput.Escape, () => ran = "global")]);

        CommandTable.Combine(screen, global).TryDispatch(KeyInput.Escape);

        Assert.Equal("screen", ran);
    }

    [Fact]
    public void Add_DuplicateId_Throws()
    {
        var table = Sample();

        Assert.Throws<ArgumentException>(() => table.Add(CommandDefinition.Create("sync", "x", "x", KeyInput.Function(9), () => { })));
    }

    private static CommandTable Sample() => new(
    [
        CommandDefinition.Create("hulp", "Hulp", "Help", KeyInput.Character('?'), () => { }),
        CommandDefinition.Create("filter", "Filter", "Filter", KeyInput.Character('/'), () => { }),
        CommandDefinition.Create("opslaan", "Opslaan", "Save", KeyInput.Ctrl('s'), () => { }),
        CommandDefinition.Create("sync", "Synchroniseren", "Sync", KeyInput.Function(5), () => { }),
    ]);
}

using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Tests.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Widgets;

/// <summary>A small form screen built the way app screens are meant to be, driven through the loop headless.</summary>
public sealed class FormScreenTests
{
    [Fact]
    public void FormScreen_TypeTabAndSave_SavesThroughCommandTable()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, new FakeClock());
        var form = new VisitForm();
        loop.Screens.Push(form);

        terminal.EnqueueText("de Vries");
        terminal.Enqueue(KeyInput.Tab);
        terminal.EnqueueText("31-02-2026");
        terminal.Enqueue(KeyInput.Ctrl('s'));
        loop.RunUntilIdle();
        var rejected = terminal.ScreenText();
        var savedAfterInvalidDate = form.Saved;

        for (var i = 0; i < 10; i++)
        {
            terminal.Enqueue(KeyInput.Backspace);
        }
        terminal.EnqueueText("28-02-2026");
        terminal.Enqueue(KeyInput.Ctrl('s'));
        loop.RunUntilIdle();

        Assert.Contains("! Ongeldige datum: gebruik dd-mm-jjjj", rejected, StringComparison.Ordinal);
        Assert.Null(savedAfterInvalidDate);
        Assert.Equal(("de Vries", new DateOnly(2026, 2, 28)), form.Saved);
        Assert.Contains("> Datum     28-02-2026", terminal.ScreenText(), StringComparison.Ordinal);
        Assert.Contains("Ctrl+S Opslaan", terminal.RowText(23), StringComparison.Ordinal);
        Assert.Equal((22, 3, true), (terminal.CursorX, terminal.CursorY, terminal.CursorVisible));
    }

    private sealed class VisitForm : IScreen
    {
        private readonly TextField _name = new("Cliënt", validator: t => t.Length > 0 ? null : "Verplicht") { LabelWidth = 10 };
        private readonly DateField _date = new("Datum");
        private readonly FocusRing _focus;
        private readonly CommandTable _commands;
        private readonly StatusBar _status = new() { Status = ["online", "A. de Vries"] };

        public VisitForm()
        {
            _date.Input.LabelWidth = 10;
            _focus = new FocusRing(_name, _date);
            _commands = new CommandTable([CommandDefinition.Create("opslaan", "Opslaan", "Save", KeyInput.Ctrl('s'), Save)]);
            _status.Commands = _commands;
        }

        public (string Name, DateOnly Date)? Saved { get; private set; }

        public CellPosition? Cursor => _focus.Cursor;

        public void Render(ScreenBuffer buffer)
        {
            var rows = buffer.Bounds.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(2), LayoutSize.Fixed(2), LayoutSize.Fill(), LayoutSize.Fixed(1));
            buffer.PutLine(rows[0], 0, "Nieuw bezoek", CellStyle.Bold);
            _focus.Render(_name, buffer, rows[1]);
            _focus.Render(_date, buffer, rows[2]);
            _status.Render(buffer, rows[4], focused: false);
        }

        public bool HandleKey(KeyInput key) => _focus.HandleKey(key) || _commands.TryDispatch(key);

        private void Save()
        {
            var valid = _name.Validate() & _date.Validate();
            if (valid && _date.Value is { } date)
            {
                Saved = (_name.Text, date);
            }
        }
    }
}

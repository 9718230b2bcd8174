using System.Globalization;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Repositories;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Patterns;

/// <summary>
/// The werktafel's patterns of my teams, open ones first and newest raised first: the bottleneck, how many cases of
/// how many clients, the money spent and where each stands. Counts and money only; "/" filters, Enter opens.
/// </summary>
public sealed class PatternsScreen : TableListScreen<PatternView>
{
    public PatternsScreen(WijkwerkApp app)
        : base(app,
        [
            new TableColumn(app.T(TextId.UiPatternColumnTag), MinWidth: 14, Weight: 2, MaxWidth: 40, Keep: 3),
            new TableColumn(app.T(TextId.UiPatternColumnCases), MinWidth: 5, Keep: 3),
            new TableColumn(app.T(TextId.UiPatternColumnClients), MinWidth: 8, Keep: 2),
            new TableColumn(app.T(TextId.UiPatternColumnMoney), MinWidth: 11, Keep: 2),
            new TableColumn(app.T(TextId.UiPatternColumnState), MinWidth: 12, Weight: 2, MaxWidth: 36, Keep: 3),
        ], TextId.UiPatternsEmpty) =>
        Reload();

    public override string Title => T(TextId.UiPatternsTitle);

    protected override IReadOnlyList<PatternView> Load() =>
        App.Store.Patterns.All().OrderByDescending(p => p.Pattern.IsOpen).ThenByDescending(p => p.Pattern.RaisedAt).ToList();

    protected override IReadOnlyList<string> Cells(PatternView p) =>
        [p.Pattern.TagKey, p.Pattern.Cases.ToString(CultureInfo.InvariantCulture), p.Pattern.Clients.ToString(CultureInfo.InvariantCulture), p.Pattern.Spent.ToString(),
            EnumTexts.Name(p.Pattern.State, App.Lang)];

    protected override IEnumerable<string> Searched(PatternView p) => [p.Pattern.TagKey, EnumTexts.Name(p.Pattern.State, App.Lang), string.Join(' ', p.Pattern.Teams)];

    protected override void Open(PatternView p) => App.Push(new PatternDetailScreen(App, p.Pattern.Id));
}

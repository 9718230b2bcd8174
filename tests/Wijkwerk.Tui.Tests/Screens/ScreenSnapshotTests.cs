using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Screens.Clients;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Unlock;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// Every screen at the smallest supported size and at a big one, compared with golden text files
/// (Screens/Snapshots; UPDATE_SNAPSHOTS=1 rewrites them). Demo seed and clock are fixed, so a
/// difference means the screen changed.
/// </summary>
public sealed class ScreenSnapshotTests
{
    public static TheoryData<int, int> Sizes => new() { { 80, 24 }, { 160, 50 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Unlock(int width, int height)
    {
        using var app = new AppHarness(width, height, locked: true);
        app.Type("geheim");

        app.TopAs<UnlockScreen>();
        Assert.DoesNotContain("geheim", app.Screen(), StringComparison.Ordinal);
        Snapshot.Match($"unlock-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Home(int width, int height)
    {
        using var app = new AppHarness(width, height);

        Assert.NotEmpty(app.TopAs<HomeScreen>().Signals);
        Snapshot.Match($"home-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Clients(int width, int height)
    {
        using var app = new AppHarness(width, height);
        app.Press('c');

        Assert.Equal(AppHarness.DemoClients, app.TopAs<ClientsScreen>().Visible.Count);
        Snapshot.Match($"clients-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Dossier(int width, int height)
    {
        using var app = OpenFirstDossier(width, height);

        Assert.NotNull(app.TopAs<DossierScreen>().Dossier);
        Snapshot.Match($"dossier-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void NewClientForm(int width, int height)
    {
        using var app = new AppHarness(width, height);
        app.Press('c').Press('n');

        Assert.Equal(DraftKeys.NewClient, app.TopAs<ClientFormScreen>().DraftKey);
        Snapshot.Match($"client-new-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EditClientForm(int width, int height)
    {
        using var app = OpenFirstDossier(width, height);
        var client = app.TopAs<DossierScreen>().Dossier!.Client;
        app.Press('e');

        Assert.Equal(client.Name.FirstName, app.TopAs<ClientFormScreen>().Field("voornaam").Read());
        Snapshot.Match($"client-edit-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void SignalForm(int width, int height)
    {
        using var app = OpenFirstDossier(width, height);
        app.Press('n');

        app.TopAs<SignalFormScreen>();
        Snapshot.Match($"signal-new-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void VisitForm(int width, int height)
    {
        using var app = OpenFirstDossier(width, height);
        app.Press('b');

        Assert.Equal("16-03-2026", app.TopAs<VisitFormScreen>().Field("datum").Read());
        Snapshot.Match($"visit-new-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void HelpOverlay(int width, int height)
    {
        using var app = new AppHarness(width, height);
        app.Press('?');

        app.TopAs<HelpScreen>();
        Snapshot.Match($"help-home-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ConfirmDialog(int width, int height)
    {
        using var app = new AppHarness(width, height);
        app.Press('c').Press('n').Type("Mar").Press(KeyInput.Escape);

        app.TopAs<ConfirmScreen>();
        Snapshot.Match($"confirm-discard-{width}x{height}", app.Terminal);
    }

    [Fact]
    public void English_Home()
    {
        using var app = new AppHarness(lang: Lang.En);

        Snapshot.Match("home-en-80x24", app.Terminal);
    }

    [Fact]
    public void TooSmall()
    {
        using var app = new AppHarness(79, 24);

        Snapshot.Match("too-small-79x24", app.Terminal);
    }

    /// <summary>
    /// Opens, by searching as a person would, the first dossier (in list order) whose newest timeline
    /// item is a new signal, so signal moves can be tried on it.
    /// </summary>
    internal static AppHarness OpenFirstDossier(int width = 80, int height = 24, Lang lang = Lang.Nl)
    {
        var app = new AppHarness(width, height, lang);
        var client = app.Store.Clients.Search()
            .OrderBy(c => c.Name.SortForm, Core.Domain.Clients.PersonName.DutchOrder)
            .First(c => app.Store.Dossiers.Open(c.Id)!.Timeline(TimeZoneInfo.Utc).FirstOrDefault()?.Signal?.Status == Core.Domain.Signals.SignalStatus.New);
        app.Press('c').Press('/').Type($"{client.Name.Full} {Core.Domain.Common.DateText.Show(client.BirthDate)}").Press(KeyInput.Enter, KeyInput.Enter);
        return app;
    }
}

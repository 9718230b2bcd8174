using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Maatwerk;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>
/// A member professional's request to the revolving fund, from the dossier: the case without names (the secretariat
/// gets the case, not the dossier), amount, purpose, payee, who should have paid (a partner of the fund, or no single
/// party: unique), why the regular route fails, the durability check, a short value triangle, the bottleneck, and last
/// the social-return calculator (its own cost is the amount asked; it may stay empty).
/// Checked as typed by the rules the server applies (<see cref="FundRules.CheckContent"/>, then
/// <see cref="FundRules.CheckNew"/>); confirmed before it is stored (default Nee).
/// </summary>
public sealed class FundRequestFormScreen : FormScreen
{
    private readonly Id<Client> _clientId;
    private readonly string _clientName;
    private readonly Id<FundRequest> _id = new(Guid.CreateVersion7());
    private readonly TextArea _case;
    private readonly TextField _amount;
    private readonly TextField _purpose;
    private readonly TextField _payee;
    private readonly SelectField<string?> _responsible;
    private readonly TextArea _why;
    private readonly Checkbox _durable;
    private readonly TextField _durabilityWhy;
    private readonly TextField _legitimacy;
    private readonly TextField _engagement;
    private readonly Checkbox _heard;
    private readonly TagField _bottleneck;
    private readonly SocialReturnFields _calculator;

    private FundRequestFormScreen(WijkwerkApp app, Id<Client> clientId, string clientName)
        : base(app, FundDrafts.RequestKey(clientId))
    {
        _clientId = clientId;
        _clientName = clientName;
        _case = Area("casus", TextId.FieldFundCase, 2, FundRequest.MaxCaseLength);
        _amount = Text("bedrag", TextId.FieldFundAmount, 20);
        _purpose = Text("doel", TextId.FieldFundPurpose, FundRequest.MaxShortLength);
        _payee = Text("betalen aan", TextId.FieldFundPayee, FundRequest.MaxShortLength);
        _responsible = Select<string?>("wie had moeten betalen", TextId.FieldFundResponsible, [.. app.Store.Fund.Fund.Partners, null], p => p ?? app.T(TextId.FundUnique));
        _why = Area("waarom de gewone route niet kan", TextId.FieldFundWhy, 2, FundRequest.MaxTextLength);
        _durable = Check("duurzaam verwacht", TextId.FieldFundDurableExpected, false);
        _durabilityWhy = Text("duurzaamheid", TextId.FieldFundDurabilityWhy, FundRequest.MaxTextLength);
        _legitimacy = Text("legitimiteit", TextId.FieldBudgetLegitimacy, FundRequest.MaxTextLength);
        _engagement = Text("betrokkenheid", TextId.FieldBudgetEngagement, FundRequest.MaxTextLength);
        _heard = Check("gehoord", TextId.FieldResidentHeard, false);
        _bottleneck = Tag("knelpunt", TextId.FieldBottleneckTag, FundRequest.MaxShortLength);
        // Last: the calculator may stay empty, so the fields every request needs come first in the Tab order.
        _calculator = SocialReturnFields.ForAmount(app, app.Store.Fund.Today, Text, "bedrag", _amount.Label);
        Ready();
    }

    public override string Title => T(TextId.UiFundFormTitle, _clientName);

    protected override TextId SavedMessage => TextId.UiFundFormSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiFundFormConfirm, Money.Parse(_amount.Text) is { IsValid: true } a ? a.Value.ToString() : _amount.Text, _clientName);

    protected override IReadOnlyList<string> InfoLines => [T(TextId.UiFundFormHint, FundRequest.MaxAmount), .. _calculator.InfoLines];

    public static FundRequestFormScreen For(WijkwerkApp app, Client client)
    {
        var screen = new FundRequestFormScreen(app, client.Id, client.Name.Full);
        screen.RestoreDraft();
        return screen;
    }

    /// <summary>Why this laptop's worker may not request (not a member professional of the fund); null when they may.</summary>
    public static string? WhyNot(WijkwerkApp app)
    {
        var fund = app.Store.Fund;
        if (fund.MayRequest)
            return null;
        return (fund.Me.Role.RecordsSignalsAndVisits()
            ? new Problem("lidmaatschap", TextId.FundNotMember)
            : new Problem("rol", TextId.FundRoleNotProfessional, fund.Me.Role)).Describe(app.Lang);
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var fund = App.Store.Fund;
        var amount = Money.Parse(_amount.Text);
        var calculated = new List<Problem>();
        _calculator.Calculate(calculated, amount);
        var request = Request(amount.IsValid ? amount.Value : Money.Zero);
        var problems = FundRules.CheckContent(request, fund.Fund, fund.Today).Where(p => amount.IsValid || p.Field != "bedrag").ToList();
        problems.AddRange(calculated);
        if (!amount.IsValid)
            problems.Add(amount.Problem);
        if (problems.Count == 0 && FundRules.CheckNew(fund.Me, request, fund.Fund, fund.Today) is { } rule)
            problems.Add(rule);
        return problems;
    }

    protected override void Store() => App.Store.Fund.Request(Request(Money.Parse(_amount.Text).Value));

    protected override void RenderContent(ScreenBuffer buffer, Rect area) => base.RenderContent(buffer, _calculator.Render(buffer, area));

    private FundRequest Request(Money amount) => new(
        _id, _clientId, App.Store.Fund.Me.Teams.FirstOrDefault() ?? "", App.Store.Identity.WorkerId, App.Clock.GetUtcNow(), _case.Text.Trim(), amount,
        _purpose.Text.Trim(), _payee.Text.Trim(), _responsible.SelectedValue, _why.Text.Trim(), _durable.Checked, _durabilityWhy.Text.Trim(),
        new ValueTriangle(_legitimacy.Text.Trim(), _calculator.FiguresIfRoutes, _engagement.Text.Trim(), _heard.Checked), _bottleneck.Text.Trim(),
        FundRequestStatus.Requested, null, null, null, null);
}

using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// One turn of the thread: the consultant's question or the author's answer, stored together with the
/// step it makes (vraag gesteld, beantwoord). The answer goes with the advice as it now stands, so an
/// edit made while the question was open travels with it.
/// </summary>
public sealed class AdviceMessageFormScreen : FormScreen
{
    private readonly IndicationAdvice _advice;
    private readonly AdviceMessageKind _kind;
    private readonly Id<AdviceMessage> _id;
    private readonly string _info;
    private readonly Widgets.TextArea _text;

    private AdviceMessageFormScreen(WijkwerkApp app, IndicationAdvice advice, AdviceMessageKind kind)
        : base(app, DraftKeys.ForAdviceMessage(advice.Id, kind))
    {
        _advice = advice;
        _kind = kind;
        _id = Id<AdviceMessage>.New(app.Clock);
        var question = kind == AdviceMessageKind.Answer ? app.Store.Advices.Thread(advice.Id).LastOrDefault(m => m.Kind == AdviceMessageKind.Question) : null;
        _info = question is null
            ? AdviceText.Summary(advice, app.Store.Advices.Today, app.Lang)
            : T(TextId.UiAdviceOpenQuestion, question.Text.ReplaceLineEndings(" "));
        _text = Area("bericht", kind == AdviceMessageKind.Answer ? TextId.AdviceFieldAnswer : TextId.AdviceFieldQuestion, 6, AdviceMessage.MaxLength);
        Ready();
    }

    public override string Title => T(_kind == AdviceMessageKind.Answer ? TextId.UiAdviceAnswerTitle : TextId.UiAdviceQuestionTitle);

    protected override IReadOnlyList<string> InfoLines => [_info];

    protected override TextId SavedMessage => _kind == AdviceMessageKind.Answer ? TextId.UiAdviceAnswered : TextId.UiAdviceAsked;

    public static AdviceMessageFormScreen For(WijkwerkApp app, IndicationAdvice advice, AdviceMessageKind kind)
    {
        var screen = new AdviceMessageFormScreen(app, advice, kind);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var message = Message();
        return message.IsValid ? [] : [message.Problem];
    }

    protected override void Store()
    {
        var me = App.Store.Advices.Me;
        var today = App.Store.Advices.Today;
        App.Store.Advices.Step(_advice.Id,
            stored => _kind == AdviceMessageKind.Answer ? stored.Answer(me, stored.Content, today) : stored.AskQuestion(me, today), Message().Value);
        App.RefreshStatus();
    }

    private Parsed<AdviceMessage> Message() =>
        AdviceMessage.Write(_id, _advice.Id, _kind, _text.Text, App.Store.Advices.Me, App.Clock.GetUtcNow());
}

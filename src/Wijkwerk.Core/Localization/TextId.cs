namespace Wijkwerk.Core.Localization;

public enum TextId
{
    FieldRequired,
    TooLong,
    PostcodeShape,
    PostcodeLettersUnused,
    BsnShape,
    BsnElevenTest,
    PhoneShape,
    MoneyShape,
    DateShape,
    DateInFuture,
    DateTooEarly,
    HouseNumberShape,
    AdditionShape,
    ConsentReasonRequired,
    SignalOtherSourceRequired,
    SignalTransitionNotAllowed,
    ZrmDomainNotInVersion,
    ZrmScoreRange,
}

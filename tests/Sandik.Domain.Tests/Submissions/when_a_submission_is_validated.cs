using Sandik.Domain.Submissions;
using Sandik.Domain.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Submissions;

public sealed class when_a_submission_is_validated
{
    private readonly SmallElection _e = new();

    private SubmissionValidator Validator => new(_e.Election, _e.Geography, _e.Sources);

    private static SubmissionDraft Good => new()
    {
        SourceId = "app",
        BoxCode = "1/A/1",
        Registered = CountInput.Of(300),
        Voted = CountInput.Of(250),
        Valid = CountInput.Of(240),
        Invalid = CountInput.Of(10),
        Votes = [new("p", CountInput.Of(100)), new("q", CountInput.Of(90)), new("r", CountInput.Of(50))],
    };

    [Fact]
    public void a_consistent_count_sheet_is_accepted_with_votes_in_choice_order()
    {
        var result = Validator.Validate(Good with { Votes = [new("r", CountInput.Of(50)), new("p", CountInput.Of(100)), new("q", CountInput.Of(90))] },
            ValidationPolicy.FullCountSheet);

        result.IsValid.ShouldBeTrue();
        result.Value!.Tally.Votes.ToArray().ShouldBe([100, 90, 50]);
        result.Value.RaceId.ShouldBe("parliament");
    }

    [Fact]
    public void every_reason_is_reported_at_once()
    {
        var draft = Good with
        {
            SourceId = "fax",
            BoxCode = "9/Z/9",
            Registered = CountInput.Parse("three hundred"),
            Voted = CountInput.Of(-5),
            Invalid = CountInput.Missing,
            Votes = [new("p", CountInput.Of(100)), new("x", CountInput.Of(1)), new("p", CountInput.Of(3))],
        };

        var errors = Validator.Validate(draft, ValidationPolicy.FullCountSheet).Errors;

        errors.Select(e => (e.Field, e.Code)).ShouldBe([
            ("source", ErrorCodes.UnknownSource),
            ("box", ErrorCodes.UnknownBox),
            ("registered", ErrorCodes.NotANumber),
            ("voted", ErrorCodes.Negative),
            ("invalid", ErrorCodes.Required),
            ("votes.x", ErrorCodes.UnknownChoice),
            ("votes.p", ErrorCodes.DuplicateChoice),
        ], ignoreOrder: true);
        errors.Single(e => e.Field == "registered").Message.ShouldContain("three hundred");
    }

    [Fact]
    public void votes_that_do_not_add_up_to_valid_are_rejected()
    {
        var errors = Validator.Validate(Good with { Valid = CountInput.Of(241), Voted = CountInput.Of(251) }, ValidationPolicy.FullCountSheet).Errors;

        errors.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.VotesDoNotSumToValid);
        errors[0].Message.ShouldContain("240");
    }

    [Fact]
    public void valid_plus_invalid_must_equal_voted()
    {
        var errors = Validator.Validate(Good with { Voted = CountInput.Of(260) }, ValidationPolicy.FullCountSheet).Errors;

        errors.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.ValidPlusInvalidIsNotVoted);
        errors[0].Field.ShouldBe("voted");
    }

    [Fact]
    public void more_voters_than_registered_is_accepted_and_left_to_anomaly_detection()
    {
        Validator.Validate(Good with { Registered = CountInput.Of(200) }, ValidationPolicy.FullCountSheet).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void missing_source_box_and_votes_are_each_required()
    {
        var errors = Validator.Validate(new SubmissionDraft(), ValidationPolicy.FullCountSheet).Errors;

        errors.Where(e => e.Code == ErrorCodes.Required).Select(e => e.Field)
            .ShouldBe(["source", "box", "registered", "voted", "valid", "invalid", "votes"], ignoreOrder: true);
    }

    [Fact]
    public void counts_larger_than_a_box_can_hold_are_rejected()
    {
        var errors = Validator.Validate(Good with { Registered = CountInput.Of(5_000_000_000) }, ValidationPolicy.FullCountSheet).Errors;
        errors.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.TooLarge);
    }

    [Fact]
    public void a_votes_only_source_may_leave_out_registered_voted_and_invalid()
    {
        var draft = Good with { Registered = CountInput.Missing, Voted = CountInput.Missing, Invalid = CountInput.Missing };
        Validator.Validate(draft, ValidationPolicy.FullCountSheet).IsValid.ShouldBeFalse();

        var accepted = Validator.Validate(draft, ValidationPolicy.VotesOnly);
        accepted.IsValid.ShouldBeTrue();
        accepted.Value!.Tally.Voted.ShouldBeNull();
    }

    [Fact]
    public void an_unknown_race_is_named()
    {
        Validator.Validate(Good with { RaceId = "mayor" }, ValidationPolicy.FullCountSheet).Errors
            .ShouldHaveSingleItem().ShouldBe(new FieldError("race", ErrorCodes.UnknownRace, "Election 'test' has no race 'mayor'."));
    }
}

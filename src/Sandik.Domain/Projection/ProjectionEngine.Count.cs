using Sandik.Domain.Submissions;

namespace Sandik.Domain.Projection;

internal sealed partial class ProjectionEngine
{
    // The counted boxes the box-level spread fits measure, in arrival-independent box order: every
    // RatioModel.Stride-th one (about 20,000), so only those are kept, not a row of every group for every box.
    private double[] _boxGroupsY = [], _boxGroupsE = [], _boxValidY = [], _boxValidE = [], _boxVotedY = [], _boxVotedE = [], _boxSize = [];
    private int[] _boxLeaf = [];
    private int _countedBoxes, _fittedBoxes;

    /// <summary>Boxes counted in the last run.</summary>
    public int BoxesCounted => _countedBoxes;

    private void Count(IReadOnlyList<Tally?> counted)
    {
        Composition.Clear();
        Valid.Clear();
        Voted.Clear();
        Array.Clear(NodeChoiceVotes);
        Array.Clear(CountedVotes);
        Array.Clear(CountedValid);
        Array.Clear(CountedVoted);
        Array.Clear(CountedRegistered);
        Array.Clear(CountedBoxes);
        var total = 0;
        for (var b = 0; b < counted.Count; b++) total += counted[b] is null ? 0 : 1;
        var stride = RatioModel.Stride(total);
        ReserveBoxes(Math.Min(counted.Count, RatioModel.MaxFitted));
        var groups = Groups.Count;
        Span<double> y = stackalloc double[groups];
        Span<double> e = stackalloc double[groups];
        (_countedBoxes, _fittedBoxes) = (0, 0);
        for (var b = 0; b < counted.Count; b++)
        {
            if (counted[b] is not { } tally) continue;
            var valid = (double)tally.Valid;
            var voted = (double)(tally.Voted ?? tally.Valid);
            var registered = Registered[b];
            y.Clear();
            var votes = tally.Votes;
            for (var k = 0; k < votes.Length; k++) y[Groups.GroupOf[k]] += votes[k];
            var prior = Priors.GroupShare.AsSpan(b * groups, groups);
            for (var g = 0; g < groups; g++) e[g] = valid * prior[g];
            Composition.AddBox(b, y, e, valid);
            var expectedValid = registered * Priors.ValidRate[b];
            var expectedVoted = registered * Priors.VotedRate[b];
            Valid.AddBox(b, [valid], [expectedValid], valid);
            Voted.AddBox(b, [voted], [expectedVoted], valid);
            AddChoices(b, votes);

            var unit = Tree.BoxUnit[b];
            for (var k = 0; k < votes.Length; k++) CountedVotes[unit * Choices + k] += votes[k];
            CountedValid[unit] += valid;
            CountedVoted[unit] += voted;
            CountedRegistered[unit] += registered;
            CountedBoxes[unit]++;

            if (_countedBoxes++ % stride != 0) continue;
            var i = _fittedBoxes++;
            y.CopyTo(_boxGroupsY.AsSpan(i * groups, groups));
            e.CopyTo(_boxGroupsE.AsSpan(i * groups, groups));
            (_boxValidY[i], _boxValidE[i], _boxVotedY[i], _boxVotedE[i]) = (valid, expectedValid, voted, expectedVoted);
            _boxSize[i] = valid;
            _boxLeaf[i] = Tree.Leaf(b);
        }
        Propagate();
    }

    private void AddChoices(int box, ReadOnlySpan<int> votes)
    {
        var row = NodeChoiceVotes.AsSpan(Tree.Leaf(box) * Choices, Choices);
        for (var k = 0; k < votes.Length; k++) row[k] += votes[k];
    }

    /// <summary>Sums the leaves' counts up the tree, children first.</summary>
    private void Propagate()
    {
        Composition.Propagate();
        Valid.Propagate();
        Voted.Propagate();
        for (var n = Tree.NodeCount - 1; n > 0; n--)
        {
            var from = NodeChoiceVotes.AsSpan(n * Choices, Choices);
            var into = NodeChoiceVotes.AsSpan(Tree.Parent[n] * Choices, Choices);
            for (var k = 0; k < Choices; k++) into[k] += from[k];
        }
    }

    private void FitBoxes()
    {
        Composition.FitBoxes(_fittedBoxes, _boxGroupsY, _boxGroupsE, _boxSize, _boxLeaf, Options.MinAreasToFit);
        Valid.FitBoxes(_fittedBoxes, _boxValidY, _boxValidE, _boxSize, _boxLeaf, Options.MinAreasToFit);
        Voted.FitBoxes(_fittedBoxes, _boxVotedY, _boxVotedE, _boxSize, _boxLeaf, Options.MinAreasToFit);
    }

    private void ReserveBoxes(int boxes)
    {
        if (_boxSize.Length >= boxes) return;
        _boxGroupsY = new double[boxes * Groups.Count];
        _boxGroupsE = new double[boxes * Groups.Count];
        _boxValidY = new double[boxes];
        _boxValidE = new double[boxes];
        _boxVotedY = new double[boxes];
        _boxVotedE = new double[boxes];
        _boxSize = new double[boxes];
        _boxLeaf = new int[boxes];
    }
}

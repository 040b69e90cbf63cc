namespace Actors.Chaos.Monkey;

/// <summary>Picks an index with probability proportional to its weight (weights of 0 are never picked).</summary>
internal static class WeightedPick
{
    /// <summary>The picked index, or -1 when every weight is 0.</summary>
    public static int Pick(IReadOnlyList<double> weights, Random random)
    {
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        if (total <= 0)
        {
            return -1;
        }

        double r = random.NextDouble() * total;
        for (int i = 0; i < weights.Count; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }

        // Rounding: the last positive weight.
        for (int i = weights.Count - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }

        return -1;
    }
}

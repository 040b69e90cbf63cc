using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Resolution;

/// <summary>Substitutions: <c>${path}</c>, <c>${?path}</c>, environment fallback, self references, <c>+=</c> and cycles.</summary>
public sealed class SubstitutionTests
{
    [Fact]
    public void Resolve_Substitution_CopiesValue()
    {
        var c = TestHocon.Parse("a { b = 1, c = [1, 2], d { e = x } }\nf = ${a.b}\ng = ${a.c}\nh = ${a.d}\ni = ${h.e}");
        Assert.Equal(1, c.GetInt("f"));
        Assert.Equal([1, 2], c.GetIntList("g"));
        Assert.Equal("x", c.GetString("h.e"));
        Assert.Equal("x", c.GetString("i"));
    }

    [Fact]
    public void Resolve_ForwardReference_Resolves() =>
        Assert.Equal(2, TestHocon.Parse("a = ${b}\nb = 2").GetInt("a"));

    [Fact]
    public void Resolve_ReferenceSeesFinalMergedValue() =>
        Assert.Equal(3, TestHocon.Parse("b = 2\na = ${b}\nb = 3").GetInt("a"));

    [Fact]
    public void Resolve_QuotedSegmentInSubstitution_Resolves() =>
        Assert.Equal(5, TestHocon.Parse("\"x.y\" { z = 5 }\na = ${\"x.y\".z}").GetInt("a"));

    [Fact]
    public void Resolve_MissingSubstitution_ThrowsOnRead()
    {
        var c = TestHocon.Parse("a = 1\nb = ${nope}");
        Assert.False(c.IsResolved);
        var e = Assert.Throws<HoconException>(() => c.GetInt("a"));
        Assert.Equal("string:2:5: b: could not resolve substitution ${nope}: the path is not in the configuration and there is no environment variable 'nope'", e.Message);
        Assert.Equal(2, e.Line);
        Assert.Equal(5, e.Column);
        Assert.Equal("b", e.Path);
        Assert.Equal("string", e.Origin);
        Assert.Contains("unresolved", c.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_OptionalMissingSubstitution_RemovesField()
    {
        var c = TestHocon.Parse("a = ${?nope}\nb = 1\nb = ${?nope}\nc = [1, ${?nope}, 3]\nd = x ${?nope}");
        Assert.False(c.HasPath("a"));
        Assert.Null(c.GetValue("a"));
        Assert.Equal(1, c.GetInt("b"));
        Assert.Equal([1, 3], c.GetIntList("c"));
        Assert.Equal("x", c.GetString("d"));
    }

    [Fact]
    public void Resolve_OptionalPresentSubstitution_UsesValue() =>
        Assert.Equal(2, TestHocon.Parse("x = 2\na = ${?x}").GetInt("a"));

    [Fact]
    public void Resolve_EnvironmentFallback_UsedForBothForms()
    {
        var env = new Dictionary<string, string> { ["HOME_DIR"] = "/home/me", ["PORT"] = "8080", ["a.b"] = "dotted" };
        var c = TestHocon.Parse("home = ${HOME_DIR}\nport = ${?PORT}\nmissing = ${?NOT_SET}\nd = ${a.b}", env);
        Assert.Equal("/home/me", c.GetString("home"));
        Assert.Equal(8080, c.GetInt("port"));
        Assert.False(c.HasPath("missing"));
        Assert.Equal("dotted", c.GetString("d"));
        Assert.StartsWith("environment variable", c.GetOrigin("home")!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ConfigValueWinsOverEnvironment()
    {
        var env = new Dictionary<string, string> { ["x"] = "from-env" };
        Assert.Equal("from-config", TestHocon.Parse("x = from-config\na = ${x}", env).GetString("a"));
    }

    [Fact]
    public void Resolve_OverrideFromEnvironmentIdiom_KeepsDefaultWhenUnset()
    {
        const string Text = "basedir = /default\nbasedir = ${?FORCED_BASEDIR}";
        Assert.Equal("/default", TestHocon.Parse(Text).GetString("basedir"));
        Assert.Equal("/forced", TestHocon.Parse(Text, new Dictionary<string, string> { ["FORCED_BASEDIR"] = "/forced" }).GetString("basedir"));
    }

    [Fact]
    public void Resolve_RealProcessEnvironment_IsTheDefault()
    {
        var name = "ACTORS_HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-process");
        try
        {
            var c = ConfigurationFactory.ParseString($"a = ${{?{name}}}\nb = ${{{name}}}");
            Assert.Equal("from-process", c.GetString("a"));
            Assert.Equal("from-process", c.GetString("b"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Resolve_SelfReferentialString_AppendsToPrevious()
    {
        var c = TestHocon.Parse("path = \"/bin\"\npath = ${path}\":/usr/bin\"\npath = ${path}\":/opt\"");
        Assert.Equal("/bin:/usr/bin:/opt", c.GetString("path"));
    }

    [Fact]
    public void Resolve_SelfReferenceWithoutPreviousValue_FallsBackToEnvironment()
    {
        var env = new Dictionary<string, string> { ["PATH"] = "/bin" };
        Assert.Equal("/bin:/usr/bin", TestHocon.Parse("PATH = ${PATH}\":/usr/bin\"", env).GetString("PATH"));
    }

    [Fact]
    public void Resolve_SelfReferenceWithoutPreviousValueOrEnvironment_Throws() =>
        Assert.Contains("could not resolve substitution ${a}", TestHocon.ParseError("a = ${a}").Message, StringComparison.Ordinal);

    [Fact]
    public void Resolve_SelfReferentialObject_MergesWithPrevious()
    {
        var c = TestHocon.Parse("foo { a = 1, b = 1 }\nfoo = ${foo} { b = 2, c = 3 }");
        Assert.Equal(1, c.GetInt("foo.a"));
        Assert.Equal(2, c.GetInt("foo.b"));
        Assert.Equal(3, c.GetInt("foo.c"));
    }

    [Fact]
    public void Resolve_SelfReferenceInsideNestedField_LooksAtPreviousField()
    {
        var c = TestHocon.Parse("a { list = [1] }\na { list = ${a.list} [2] }\na.list += 3");
        Assert.Equal([1, 2, 3], c.GetIntList("a.list"));
    }

    [Fact]
    public void Resolve_PlusEquals_AppendsToArray()
    {
        var c = TestHocon.Parse("a = [1]\na += 2\na += [3]\nb += x");
        Assert.Equal(3, c.GetList("a").Count);
        Assert.Equal(3, Assert.IsType<HoconArray>(c.GetList("a")[2]).Items[0] is HoconNumber n ? (int)n.Int64Value : 0);
        Assert.Equal(["x"], c.GetStringList("b"));
    }

    [Fact]
    public void Resolve_PlusEqualsOnNonArray_Throws() =>
        Assert.Contains("cannot concatenate", TestHocon.ParseError("a = 1\na += 2").Message, StringComparison.Ordinal);

    [Fact]
    public void Resolve_OverriddenBrokenValue_IsNeverResolved() =>
        Assert.Equal(1, TestHocon.Parse("a = ${does.not.exist}\na = 1").GetInt("a"));

    [Fact]
    public void Resolve_ReferenceIntoObjectBeingSelfMerged_Resolves()
    {
        var c = TestHocon.Parse("foo { a = 1 }\nfoo = ${foo} { c = 3 }\nfoo.d = ${foo.c}\nx = ${foo.a}");
        Assert.Equal(1, c.GetInt("x"));
        Assert.Equal(3, c.GetInt("foo.d"));
        Assert.Equal(["a", "c", "d"], c.GetKeys("foo"));
    }

    [Fact]
    public void Resolve_TwoFieldCycle_ThrowsNamingTheChain()
    {
        var e = TestHocon.ParseError("a = ${b}\nb = ${a}");
        Assert.Contains("cycle in substitutions: a -> b -> a", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("string:2:5: b:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_CycleThroughObject_Throws() =>
        Assert.Contains("cycle", TestHocon.ParseError("a { b = ${c} }\nc = ${a}").Message, StringComparison.Ordinal);

    [Fact]
    public void Resolve_CycleIsReportedAtParseTime() =>
        Assert.Throws<HoconException>(() => ConfigurationFactory.ParseString("x = ${y}\ny = ${z}\nz = ${x}", _ => null));

    [Fact]
    public void Resolve_ExponentialExpansion_ThrowsInsteadOfExhaustingMemory()
    {
        var lines = new List<string> { "a0 = [1, 2, 3, 4]" };
        for (int i = 1; i < 64; i++)
        {
            lines.Add($"a{i} = ${{a{i - 1}}} ${{a{i - 1}}}");
        }

        Assert.Contains("too large", TestHocon.ParseError(string.Join('\n', lines)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ExponentialStringExpansion_Throws()
    {
        var lines = new List<string> { "a0 = abcdefgh" };
        for (int i = 1; i < 64; i++)
        {
            lines.Add($"a{i} = ${{a{i - 1}}}${{a{i - 1}}}");
        }

        Assert.Contains("too large", TestHocon.ParseError(string.Join('\n', lines)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LongSubstitutionChain_ResolvesOrThrowsHoconException()
    {
        var lines = new List<string> { "a0 = 1" };
        for (int i = 1; i < 300; i++)
        {
            lines.Add($"a{i} = ${{a{i - 1}}}");
        }

        Assert.Equal(1, TestHocon.Parse(string.Join('\n', lines)).GetInt("a299"));

        for (int i = 300; i < 20000; i++)
        {
            lines.Add($"a{i} = ${{a{i - 1}}}");
        }

        var ex = Record.Exception(() => TestHocon.Parse(string.Join('\n', lines)).GetInt("a19999"));
        Assert.True(ex is null or HoconException, ex?.ToString());
    }

    [Fact]
    public void WithFallback_PendingSubstitution_ResolvedFromFallback()
    {
        var app = TestHocon.Parse("timeout = ${defaults.timeout}\nname = ${?defaults.name}");
        Assert.False(app.IsResolved);
        var merged = app.WithFallback(TestHocon.Parse("defaults { timeout = 5s, name = n }"));
        Assert.True(merged.IsResolved);
        Assert.Equal(TimeSpan.FromSeconds(5), merged.GetTimeSpan("timeout"));
        Assert.Equal("n", merged.GetString("name"));
    }

    [Fact]
    public void WithFallback_StillMissing_ThrowsOnRead() =>
        Assert.Throws<HoconException>(() => TestHocon.Parse("a = ${b}").WithFallback(TestHocon.Parse("c = 1")).GetInt("c"));

    [Fact]
    public void WithFallback_SelfReferenceInReceiver_SeesFallbackValue()
    {
        var merged = TestHocon.Parse("path = ${path}\":/extra\"").WithFallback(TestHocon.Parse("path = /base"));
        Assert.Equal("/base:/extra", merged.GetString("path"));
    }

    [Fact]
    public void WithFallback_SubstitutionInFallbackSeesReceiverValue()
    {
        var merged = TestHocon.Parse("port = 9000").WithFallback(TestHocon.Parse("port = 80\nurl = \"http://host:\"${port}"));
        Assert.Equal("http://host:9000", merged.GetString("url"));
    }
}

using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Parsing;

/// <summary>Includes: relative resolution, the file()/required() forms, missing files, cycles and refused kinds.</summary>
public sealed class IncludeTests
{
    [Fact]
    public void Include_RelativeToIncludingFile_Merges()
    {
        using var dir = new TempDirectory();
        dir.Write("conf/main.conf", "a = 1\ninclude \"sub/child.conf\"\nb = ${c}");
        dir.Write("conf/sub/child.conf", "c = 3\ninclude \"grandchild\"\na = 2");
        dir.Write("conf/sub/grandchild.conf", "g = 7");

        var config = ConfigurationFactory.ParseFile(Path.Combine(dir.Path, "conf", "main.conf"));

        Assert.Equal(2, config.GetInt("a"));
        Assert.Equal(3, config.GetInt("b"));
        Assert.Equal(7, config.GetInt("g"));
    }

    [Fact]
    public void Include_LaterFieldsOverrideIncludedOnes()
    {
        using var dir = new TempDirectory();
        dir.Write("x.conf", "a = from-include\nnested { p = 1, q = 1 }");
        var config = ConfigurationFactory.ParseFile(dir.Write("main.conf", "include \"x.conf\"\na = mine\nnested.q = 2"));
        Assert.Equal("mine", config.GetString("a"));
        Assert.Equal(1, config.GetInt("nested.p"));
        Assert.Equal(2, config.GetInt("nested.q"));
    }

    [Fact]
    public void Include_InsideObject_NestsAndRelativizesSubstitutions()
    {
        using var dir = new TempDirectory();
        dir.Write("part.conf", "x = 10\ny = ${x}\nz = ${top}");
        var config = ConfigurationFactory.ParseFile(dir.Write("main.conf", "top = t\nsection { include \"part.conf\" }"));
        Assert.Equal(10, config.GetInt("section.y"));
        Assert.Equal("t", config.GetString("section.z"));
    }

    [Fact]
    public void Include_FileAndRequiredForms_AreAccepted()
    {
        using var dir = new TempDirectory();
        dir.Write("a.conf", "a = 1");
        dir.Write("b.conf", "b = 2");
        dir.Write("c.conf", "c = 3");
        var config = ConfigurationFactory.ParseFile(dir.Write(
            "main.conf",
            "include file(\"a.conf\")\ninclude required(file( \"b.conf\" ))\ninclude required(\"c.conf\")"));
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(3, config.GetInt("c"));
    }

    [Fact]
    public void Include_MissingOptionalFile_IsIgnored()
    {
        using var dir = new TempDirectory();
        var config = ConfigurationFactory.ParseFile(dir.Write("main.conf", "include \"nope.conf\"\ninclude file(\"nope2\")\na = 1"));
        Assert.Equal(1, config.GetInt("a"));
        Assert.Single(config.Root.Keys);
    }

    [Fact]
    public void Include_MissingRequiredFile_ThrowsWithPosition()
    {
        using var dir = new TempDirectory();
        var main = dir.Write("main.conf", "a = 1\ninclude required(file(\"nope.conf\"))");
        var e = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(main));
        Assert.Contains("required include file \"nope.conf\" was not found", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
        Assert.Equal(23, e.Column);
        Assert.Equal(main, e.Origin);
    }

    [Fact]
    public void Include_Cycle_ThrowsNamingTheFiles()
    {
        using var dir = new TempDirectory();
        dir.Write("a.conf", "include \"b.conf\"\nx = 1");
        dir.Write("b.conf", "include \"a.conf\"\ny = 2");
        var e = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(Path.Combine(dir.Path, "a.conf")));
        Assert.Contains("include cycle:", e.Message, StringComparison.Ordinal);
        Assert.Contains("a.conf -> ", e.Message, StringComparison.Ordinal);
        Assert.Contains("b.conf -> ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_SelfInclude_IsACycle()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("self.conf", "include \"self.conf\"");
        Assert.Contains("include cycle", Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_SameFileTwice_IsNotACycle()
    {
        using var dir = new TempDirectory();
        dir.Write("common.conf", "c = 1");
        var config = ConfigurationFactory.ParseFile(dir.Write("main.conf", "x { include \"common.conf\" }\ny { include \"common.conf\" }"));
        Assert.Equal(1, config.GetInt("x.c"));
        Assert.Equal(1, config.GetInt("y.c"));
    }

    [Theory]
    [InlineData("include classpath(\"x.conf\")", "classpath")]
    [InlineData("include url(\"http://example.com/x.conf\")", "url")]
    [InlineData("include required(classpath(\"x.conf\"))", "classpath")]
    public void Include_ClasspathOrUrl_IsRefused(string text, string kind)
    {
        var e = Assert.Throws<HoconException>(() => TestHocon.Parse(text));
        Assert.Contains($"include {kind}(...) is not supported", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include file(\"x.conf\"")]
    [InlineData("include file(x.conf)")]
    [InlineData("include required(file(\"x.conf\")")]
    public void Include_Malformed_Throws(string text) => Assert.Throws<HoconException>(() => TestHocon.Parse(text));

    [Fact]
    public void Include_PropertiesFile_ReadsStrings()
    {
        using var dir = new TempDirectory();
        dir.Write("p.properties", "# comment\n! comment\na.b=1\na.c : two words\nlong = first \\\n   second\nesc=tab\\there");
        var config = ConfigurationFactory.ParseFile(dir.Write("main.conf", "include \"p.properties\""));
        Assert.Equal("1", config.GetString("a.b"));
        Assert.IsType<HoconString>(config.GetValue("a.b"));
        Assert.Equal("two words", config.GetString("a.c"));
        Assert.Equal("first second", config.GetString("long"));
        Assert.Equal("tab\there", config.GetString("esc"));
    }

    [Fact]
    public void Include_WithoutExtension_MergesConfOverJsonOverProperties()
    {
        using var dir = new TempDirectory();
        dir.Write("app.properties", "p=prop\nall=prop");
        dir.Write("app.json", "{ \"j\" : \"json\", \"all\" : \"json\" }");
        dir.Write("app.conf", "c = conf\nall = conf");
        var config = ConfigurationFactory.ParseFile(dir.Write("main.conf", "include \"app\""));
        Assert.Equal("prop", config.GetString("p"));
        Assert.Equal("json", config.GetString("j"));
        Assert.Equal("conf", config.GetString("c"));
        Assert.Equal("conf", config.GetString("all"));
    }

    [Fact]
    public void Include_FromString_ResolvesAgainstBaseDirectory()
    {
        using var dir = new TempDirectory();
        dir.Write("x.conf", "x = 1");
        var config = ConfigurationFactory.ParseString("include \"x.conf\"", new HoconParseOptions { BaseDirectory = dir.Path });
        Assert.Equal(1, config.GetInt("x"));
    }

    [Fact]
    public void Include_ErrorInIncludedFile_NamesThatFile()
    {
        using var dir = new TempDirectory();
        dir.Write("sub/bad.conf", "ok = 1\nbad = ^");
        var main = dir.Write("main.conf", "include \"sub/bad.conf\"");
        var e = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(main));
        Assert.Equal(Path.Combine(dir.Path, "sub/bad.conf"), e.Origin);
        Assert.Equal(2, e.Line);
        Assert.Equal(7, e.Column);
    }

    [Fact]
    public void ParseFile_MissingFile_ThrowsHoconException()
    {
        using var dir = new TempDirectory();
        Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(Path.Combine(dir.Path, "absent.conf")));
    }
}

using Actors.Hocon.Tests.Parsing;

namespace Actors.Hocon.Tests.AkkaBridge;

/// <summary>
/// What the bridge is checked against besides the lightbend equivalence data: every .conf file of the repository's
/// tests/, hocon/ and src/*/reference.conf, the documents other Hocon tests read, and edge cases of each value kind.
/// </summary>
internal static class AkkaBridgeCorpus
{
    /// <summary>Documents with the cases most likely to be mangled on the way to Akka.</summary>
    public static IReadOnlyList<(string Name, string Text)> EdgeCases { get; } =
    [
        ("numbers", "a = 1\nb = -2\nc = 1.5\nd = 1e6\ne = 9223372036854775807\nf = 12345678901234567890123\ng = -0\nh = 1E-3\n"
            + "i = 2147483648\nj = 0.1\nk = 2.0\nl = -9223372036854775808"),
        ("booleans", "t = true\nf = false\non = on\noff = off\nyes = yes\nno = no\nquoted = \"true\""),
        ("durations", "d1 = 10s\nd2 = 250 ms\nd3 = 2 minutes\nd4 = infinite\nd5 = 1.5h\nd6 = 100\nd7 = 3d\nd8 = 10 us\n"
            + "d9 = 5 nanoseconds\nd10 = 1 day\nd11 = 0.5 m\nd12 = 7 hours\nd13 = -5s\nd14 = 100 ns\nd15 = 1.25 seconds"),
        ("sizes", "s1 = 64MiB\ns2 = 512 KiB\ns3 = 10MB\ns4 = 1 gibibyte\ns5 = 1024\ns6 = 3 kB\ns7 = 2 G\ns8 = 1.5 KiB\ns9 = 7 bytes"),
        ("strings", "n = null\nquoted-null = \"null\"\nempty = \"\"\nspaces = \"  padded  \"\nblank = \"   \"\nsub = \"${x}\"\n"
            + "optsub = \"${?x}\"\ntriple = \"\"\"line1\n  line2 \"quoted\" \"\"\"\nunicode = \"héllo ☃ 日本\"\n"
            + "escapes = \"tab\\tquote\\\"backslash\\\\ newline\\n\"\nunquoted = hello world\nurl = \"http://example.com:8080/a?b=c\"\n"
            + "comment-like = \"# not a comment // either\"\nbraces = \"{ a = 1 }\"\nconcat = a \"b\" c"),
        ("keys", "\"a.b\" = 1\n\"key with spaces\" = 2\n\"\" = 3\n\"quote\\\"d\" = 4\na.\"b.c\".d = 5\n\"/user/ticker\" { mailbox = m }\n"
            + "\"colon:key\" = 6\n\"tab\\tkey\" = 7\n\" lead\" = 8\n\"é\" = 9\n\"a.b\".\"c d\" { \"\" = deep }\ninclude-like { \"include\" = 10 }"),
        ("arrays", "empty = []\nnested = [[1, 2], [], [[a]]]\nobjects = [{ a = 1 }, { b = [x, y], \"c.d\" = null }]\n"
            + "mixed = [1, two, true, null, 1.5, 10s, \"  padded  \", \"null\"]\nemptyobj = {}\nstrings = [\"${x}\", \"a.b\", \"\"]"),
        ("substitutions", "base { a = 1, b = ${base.a} }\nlist = [1, 2]\nlist += 3\npath = /usr\npath = ${path}\":/bin\"\n"
            + "concat = foo bar ${base.a}\nobjcat = { x = 1 } { y = 2 }\ncopy = ${base}\narr = ${list} [4]\nopt = ${?NOT_SET}"),
        ("indexed-object", "indexed { \"0\" = a, \"1\" = b, \"10\" = c }"),
        ("config-tests", ConfigTests.Text),
    ];

    /// <summary>Every document named above, plus the spellings of <see cref="EquivalentSyntaxTests"/>.</summary>
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in EdgeCases)
        {
            data.Add(name);
        }

        for (int i = 0; i < EquivalentSyntaxTests.Variants().Count; i++)
        {
            data.Add("equivalent-syntax-" + i);
        }

        return data;
    }

    public static string Document(string name)
    {
        const string Prefix = "equivalent-syntax-";
        if (name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            int index = int.Parse(name.AsSpan(Prefix.Length), System.Globalization.CultureInfo.InvariantCulture);
            return (string)Enumerable.ElementAt<object[]>(EquivalentSyntaxTests.Variants(), index)[0];
        }

        return EdgeCases.Single(c => c.Name == name).Text;
    }

    /// <summary>The repository's .conf files, relative to its root: tests/**, hocon/*, src/*/reference.conf.</summary>
    public static TheoryData<string> RepositoryFiles()
    {
        var root = RepositoryRoot;
        var files = Directory.GetFiles(Path.Combine(root, "tests"), "*.conf", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(root, "hocon"), "*.conf"))
            .Concat(Directory.GetDirectories(Path.Combine(root, "src"))
                .Select(d => Path.Combine(d, "reference.conf"))
                .Where(File.Exists))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var file in files)
        {
            data.Add(file);
        }

        return data;
    }

    /// <summary>The folder holding Actors.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"no Actors.sln above {AppContext.BaseDirectory}: run the tests from the repository");
        }
    }
}

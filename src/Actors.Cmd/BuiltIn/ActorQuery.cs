using System.Diagnostics;
using System.Threading.Channels;

namespace Actors.Cmd.BuiltIn;

/// <summary>
/// Finds actors the way any Akka.NET user can: an <see cref="Identify"/> sent to an <see cref="ActorSelection"/>,
/// answered by every actor it matches with an <see cref="ActorIdentity"/> (and by Akka with an empty identity when it
/// matches nobody). The answers go to a short-lived child of <c>/system/cmd</c> and are read here, off any actor's
/// thread; everything waits in real time, bounded by the server's <see cref="CmdServerOptions.ActorQueryTimeout"/>.
/// </summary>
/// <remarks>
/// A selection with a wildcard (<c>parent/*</c>) is answered once per child, and nobody says how many answers will
/// come. So a parent counts as answered at its first answer, and the walk ends when every parent asked has answered and
/// no answer came for <see cref="Settle"/> (or at the timeout). A child busy for longer than that may be missing: the
/// result says when the walk was cut short.
/// </remarks>
internal sealed class ActorQuery : IAsyncDisposable
{
    /// <summary>How long the walk waits for more answers once every parent asked has answered.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private readonly Channel<ActorIdentity> _answers = Channel.CreateUnbounded<ActorIdentity>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CommandServer _server;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IActorRef _collector = ActorRefs.Nobody;

    private ActorQuery(CommandServer server) => _server = server;

    private TimeSpan Timeout => _server.Options.ActorQueryTimeout;

    /// <summary>Starts a query: asks the server actor for a collector child.</summary>
    public static async Task<ActorQuery> StartAsync(CommandServer server, CancellationToken cancellationToken)
    {
        var query = new ActorQuery(server);
        query._collector = await server.Actor
            .Ask<IActorRef>(new CommandServerActor.SpawnIdentityCollector(query._answers.Writer), server.Options.ActorQueryTimeout, cancellationToken)
            .ConfigureAwait(false);
        return query;
    }

    /// <summary>
    /// Turns what an operator typed (<c>/user/a</c>, <c>user/a</c>, <c>akka://node/user/a</c>) into a path without
    /// address. Wildcards are refused: a path names one actor.
    /// </summary>
    /// <exception cref="CommandException">Not a path of this node, or a wildcard.</exception>
    public static string Normalize(ActorSystem system, string text)
    {
        string p = text.Trim();
        if (p.Contains("://", StringComparison.Ordinal))
        {
            if (!ActorPath.TryParse(p, out ActorPath? parsed) || parsed is null)
            {
                throw new CommandException(CmdErrorCodes.BadArguments, $"[{text}] is not an actor path.");
            }

            Address local = ((ExtendedActorSystem)system).Provider.DefaultAddress;
            if (!parsed.Address.Equals(local))
            {
                throw new CommandException(CmdErrorCodes.NotFound, $"[{text}] is not on this node ({local}).");
            }

            p = parsed.ToStringWithoutAddress();
        }

        if (p.IndexOfAny(['*', '?']) >= 0)
        {
            throw new CommandException(CmdErrorCodes.BadArguments, $"[{text}]: wildcards are not allowed here; -p names one actor (actor hierarchy lists many).");
        }

        string[] elements = p.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? e[..hash] : e)
            .ToArray();
        return "/" + string.Join('/', elements);
    }

    /// <summary>Asks the actor at <paramref name="path"/> to identify itself.</summary>
    /// <returns>Its reference; <see langword="null"/> when no actor is there.</returns>
    /// <exception cref="CommandException">Code <see cref="CmdErrorCodes.CommandFailed"/>: no answer within the timeout (the actor is busy).</exception>
    public async Task<IActorRef?> ResolveAsync(string path, CancellationToken cancellationToken)
    {
        var id = new ResolveId(path);
        _server.System.ActorSelection(path).Tell(new Identify(id), _collector);
        TimeSpan deadline = _clock.Elapsed + Timeout;
        while (true)
        {
            ActorIdentity? answer = await ReadAsync(deadline - _clock.Elapsed, cancellationToken).ConfigureAwait(false)
                ?? throw new CommandException(CmdErrorCodes.CommandFailed, $"[{path}] did not answer Identify within {Timeout.TotalSeconds:0.###}s: it exists but is busy, or its parent is.");
            if (Equals(answer.MessageId, id))
            {
                return answer.Subject;
            }
        }
    }

    /// <summary>
    /// Walks the tree below <paramref name="root"/> breadth first, asking each actor found for its children until
    /// <paramref name="maxDepth"/> levels below the root (0 = no limit), <paramref name="cap"/> actors, or the timeout.
    /// </summary>
    public async Task<Walk> WalkAsync(IActorRef root, int maxDepth, int cap, CancellationToken cancellationToken)
    {
        var top = new Node(root.Path.Name, ActorRoles.PathOf(root), 0);
        var all = new Dictionary<string, Node>(StringComparer.Ordinal) { [top.Path] = top };
        var pending = new HashSet<string>(StringComparer.Ordinal);
        int found = 0;
        bool capped = false;
        TimeSpan deadline = _clock.Elapsed + Timeout;
        TimeSpan lastAnswer = _clock.Elapsed;

        void AskChildren(Node node, IActorRef actor)
        {
            if (maxDepth > 0 && node.Depth >= maxDepth)
            {
                return;
            }

            node.Children = [];
            pending.Add(node.Path);
            new ActorSelection(actor, "*").Tell(new Identify(new ChildrenOf(node.Path)), _collector);
        }

        AskChildren(top, root);
        while (true)
        {
            TimeSpan now = _clock.Elapsed;
            TimeSpan wait = pending.Count > 0 ? deadline - now : Min(lastAnswer + Settle, deadline) - now;
            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            ActorIdentity? answer = await ReadAsync(wait, cancellationToken).ConfigureAwait(false);
            if (answer is null)
            {
                continue;
            }

            lastAnswer = _clock.Elapsed;
            if (answer.MessageId is not ChildrenOf asked || !all.TryGetValue(asked.Path, out Node? parent))
            {
                continue;
            }

            pending.Remove(asked.Path);
            if (answer.Subject is not { } child || child.Equals(_collector))
            {
                continue;
            }

            string childPath = ActorRoles.PathOf(child);
            if (all.ContainsKey(childPath))
            {
                continue;
            }

            var node = new Node(child.Path.Name, childPath, parent.Depth + 1);
            all[childPath] = node;
            parent.Children!.Add(node);
            if (++found >= cap)
            {
                capped = true;
                break;
            }

            AskChildren(node, child);
        }

        return new Walk(top, found, capped, pending.Count);
    }

    public ValueTask DisposeAsync()
    {
        if (!_collector.IsNobody())
        {
            _server.System.Stop(_collector);
        }

        _answers.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task<ActorIdentity?> ReadAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (_answers.Reader.TryRead(out ActorIdentity? ready))
        {
            return ready;
        }

        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return await _answers.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>An actor found by a walk; only the walk's loop touches it.</summary>
    internal sealed class Node(string name, string path, int depth)
    {
        public string Name { get; } = name;

        public string Path { get; } = path;

        public int Depth { get; } = depth;

        /// <summary>The children found; <see langword="null"/> when they were not asked for (below the depth limit).</summary>
        public List<Node>? Children { get; set; }
    }

    /// <summary>The result of a walk.</summary>
    /// <param name="Root">The actor walked from, with what was found below it.</param>
    /// <param name="Found">Actors found below the root.</param>
    /// <param name="Capped">Whether the walk stopped at its cap.</param>
    /// <param name="Unanswered">Actors asked for their children that did not answer at all within the timeout.</param>
    internal sealed record Walk(Node Root, int Found, bool Capped, int Unanswered)
    {
        public bool Complete => !Capped && Unanswered == 0;
    }

    private sealed record ResolveId(string Path);

    private sealed record ChildrenOf(string Path);
}

using System.Net;

namespace Actors.Hosting.Admin;

/// <summary>Where the admin endpoints listen, and whether that is loopback (which decides the token policy).</summary>
internal sealed record AdminBinding(IPAddress? Address, bool IsLoopback)
{
    /// <summary>Parses an IP address, <c>localhost</c> (loopback, IPv4 and IPv6) or <c>*</c> (every address).</summary>
    public static bool TryParse(string host, out AdminBinding binding)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            binding = new AdminBinding(null, true);
            return true;
        }

        if (host is "*" or "+")
        {
            binding = new AdminBinding(IPAddress.IPv6Any, false);
            return true;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address))
        {
            binding = new AdminBinding(address, IPAddress.IsLoopback(address));
            return true;
        }

        binding = new AdminBinding(null, false);
        return false;
    }
}

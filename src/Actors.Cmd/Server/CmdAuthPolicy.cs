using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Cmd;

/// <summary>
/// Who must authenticate: anyone reaching a server that listens beyond loopback, and anyone running a command that
/// changes the node (<see cref="CommandDescriptor.IsMutation"/>), loopback included.
/// </summary>
public static class CmdAuthPolicy
{
    /// <summary>Whether a server bound to <paramref name="host"/> must require a token.</summary>
    /// <param name="host">An IP address or host name.</param>
    /// <returns>False only for loopback addresses and <c>localhost</c>.</returns>
    public static bool RequiresToken(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !IPAddress.TryParse(host, out IPAddress? address) || RequiresToken(address);
    }

    /// <summary>Whether a server bound to <paramref name="address"/> must require a token.</summary>
    /// <param name="address">The bound address.</param>
    /// <returns>False only for loopback addresses (any-address binds are not loopback).</returns>
    public static bool RequiresToken(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return !IPAddress.IsLoopback(address);
    }

    /// <summary>Compares a presented token with the expected one in constant time.</summary>
    /// <param name="expected">The configured token.</param>
    /// <param name="presented">What the client sent.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool TokenMatches(string expected, string? presented)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (presented is null)
        {
            return false;
        }

        byte[] a = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        byte[] b = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}

namespace Actors.Hosting.Dashboard;

/// <summary>One file of the dashboard, read once from the assembly's resources; immutable, so shared by every request.</summary>
/// <param name="ContentType">The <c>Content-Type</c> it is served with.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ETag">A strong entity tag made of the content's hash, quoted.</param>
internal sealed record DashboardAsset(string ContentType, ReadOnlyMemory<byte> Content, string ETag);

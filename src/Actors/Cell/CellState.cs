namespace Actors;

/// <summary>Lifecycle flags of a cell; read and written only on the cell's own turn.</summary>
[Flags]
internal enum CellState
{
    None = 0,
    Failed = 1,
    Terminating = 2,
    AwaitingAsync = 4,
    Recreating = 8,
    Created = 16,
}

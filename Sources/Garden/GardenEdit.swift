/// What a structural edit did: where the note or topic it made or moved now is, and the
/// change (every file written and every rename) that `u` undoes byte for byte.
public struct GardenEdit: Sendable, Equatable {
    /// Relative to the garden root: a note's file (`kernels/ntk.md`), or a topic's folder,
    /// which is its id (`nngp-ntk/kernels`; "" for the root).
    public var path: String
    public var change: GardenChange

    public init(path: String, change: GardenChange) {
        self.path = path
        self.change = change
    }
}

/// What the layout walks: a block as parsed, or a `<details>` element that
/// ``DetailsAssembler`` put together from raw HTML blocks.
indirect enum LayoutNode: Equatable {
    case block(Block)
    /// A foldable `<details>` element titled by its `<summary>`.
    case details(summary: [Inline], body: [LayoutNode])
}

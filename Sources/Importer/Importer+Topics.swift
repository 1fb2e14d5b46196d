import Garden

/// A topic the import creates, or an existing one it adds prose or a page record to.
struct TopicPlan {
    var id: String
    var title: String
    var existing: Topic?
    var order: Int?
    var prose: [String] = []
    var sources: [YAMLValue] = []
    var calculators: [String] = []
    /// Whether to write `expanded: true` (the topic has no such key yet).
    var expands = false

    var isNew: Bool { existing == nil }
    var hasChanges: Bool { isNew || !prose.isEmpty || !sources.isEmpty || !calculators.isEmpty || expands }
}

extension Importer {
    mutating func planTopic(_ topic: PageTopic) {
        ensureTopic(topic.id, title: topic.title, order: topic.order)
        var plan = topicPlans[topic.id]!
        let existingProse = plan.existing.map { String($0.prose) } ?? ""
        for text in topic.prose where !existingProse.contains(text) && !plan.prose.contains(text) {
            plan.prose.append(text)
        }
        if let source = topic.pageSource {
            let onDisk = plan.existing.flatMap { $0.frontMatter["sources"] }.map { value -> [YAMLValue] in
                if case .list(let items) = value { return items }
                return []
            } ?? []
            let known = (onDisk + plan.sources).map(\.canonicalText)
            if !known.contains(source.canonicalText) { plan.sources.append(source) }
        }
        topicPlans[topic.id] = plan
    }

    /// Makes sure a topic and its ancestors exist or are planned.
    mutating func ensureTopic(_ id: String, title: String? = nil, order: Int? = nil) {
        guard topicPlans[id] == nil else { return }
        if !id.isEmpty { ensureTopic(id.folder) }
        var plan = TopicPlan(id: id, title: title ?? Topic.title(fromSlug: id.fileName), existing: garden?.topic(id))
        if plan.isNew {
            let base = baseOrder(under: id.folder)
            plan.order = id.isEmpty ? nil : base + (order ?? topicOrder.filter { $0.folder == id.folder }.count)
            if id.isEmpty { plan.title = options.underTitle ?? "Garden" }
            report.createdTopics.append(id.isEmpty ? "." : id)
        }
        if let names = options.calculators[id], plan.existing?.calculators.isEmpty ?? true {
            plan.calculators = names
        }
        if options.expanded.contains(id), plan.existing?.frontMatter["expanded"] == nil { plan.expands = true }
        let existingProse = plan.existing.map { String($0.prose) } ?? ""
        for command in options.blocks[id] ?? [] {
            let fence = "```trellis\n" + command + "\n```"
            if !existingProse.contains(fence) && !plan.prose.contains(fence) { plan.prose.append(fence) }
        }
        topicPlans[id] = plan
        topicOrder.append(id)
    }

    /// New sub-topics are placed after the ones the owner already has.
    private func baseOrder(under parent: String) -> Int {
        guard let garden, let topic = garden.topic(parent) else { return 0 }
        let orders = topic.children.compactMap { garden.topic($0)?.order }
        return orders.isEmpty ? (topic.children.isEmpty ? 0 : topic.children.count) : orders.max()! + 1
    }
}

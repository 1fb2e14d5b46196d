import Garden

/// Writing the plan: new files are created (never over an existing one), existing files are
/// edited in place by `FrontMatterEditor` and written atomically only if unchanged on disk.
extension Importer {
    mutating func write() throws {
        let root = GardenLoaderPath.absolute(gardenPath)
        for id in topicOrder {
            guard let plan = topicPlans[id], plan.hasChanges else { continue }
            let indexPath = plan.existing?.indexPath ?? ((id.isEmpty ? "" : id + "/") + "index.md")
            let full = root + "/" + indexPath
            if let original = plan.existing?.indexPath.flatMap({ SafeFile.read(root + "/" + $0) }) {
                var editor = FrontMatterEditor(String(decoding: original, as: UTF8.self))
                editor.append(to: "sources", items: plan.sources.map(YAMLText.listItem))
                if !plan.calculators.isEmpty { editor.setIfEmpty("calculators", YAMLText.flowList(plan.calculators)) }
                if plan.expands { editor.setIfEmpty("expanded", "true") }
                if !plan.prose.isEmpty { editor.appendToBody(plan.prose.joined(separator: "\n\n")) }
                try SafeFile.write(editor.text, to: full, expecting: original)
                report.updated.append(indexPath)
            } else {
                try SafeFile.write(Self.render(plan), to: full, expecting: nil)
            }
        }
        for note in planned {
            if let existing = note.existing {
                guard let original = SafeFile.read(root + "/" + existing.path) else { continue }
                var editor = FrontMatterEditor(String(decoding: original, as: UTF8.self))
                for (key, yaml) in note.fills { editor.setIfEmpty(key, yaml) }
                editor.append(to: "topics", items: note.addedTopics.map { ["- " + YAMLText.scalar($0)] })
                editor.append(to: "sources", items: note.addedSources.map(YAMLText.listItem))
                if let abstract = note.addedAbstract { editor.appendToBody("## Abstract\n\n" + abstract) }
                if let notes = note.addedNotes { editor.appendToBody("## Notes\n\n" + notes) }
                let text = editor.text
                guard text.utf8.elementsEqual(original) == false else { continue }
                try SafeFile.write(text, to: root + "/" + existing.path, expecting: original)
                report.updated.append(existing.path)
            } else {
                try SafeFile.write(Self.render(note), to: root + "/" + note.path, expecting: nil)
            }
        }
    }

    static func render(_ topic: TopicPlan) -> String {
        var lines = ["---", "title: " + YAMLText.scalar(topic.title)]
        if let order = topic.order { lines.append("order: \(order)") }
        if topic.expands { lines.append("expanded: true") }
        if !topic.calculators.isEmpty { lines.append("calculators: " + YAMLText.flowList(topic.calculators)) }
        if !topic.sources.isEmpty { lines += ["sources:"] + topic.sources.flatMap(YAMLText.listItem).map { "  " + $0 } }
        lines.append("---")
        var text = lines.joined(separator: "\n") + "\n"
        if !topic.prose.isEmpty { text += "\n" + topic.prose.joined(separator: "\n\n") + "\n" }
        return text
    }

    static func render(_ note: PlannedNote) -> String {
        var lines = ["---", "title: " + YAMLText.scalar(note.title), "kind: " + note.kind.rawValue]
        if note.kind == .paper {
            lines += ["authors: []", "year:"]
            if let arxiv = note.arxiv { lines.append("arxiv: " + YAMLText.scalar(arxiv)) }
        }
        if let url = note.url { lines.append("url: " + YAMLText.scalar(url)) }
        if let openreview = note.openreview { lines.append("openreview: " + YAMLText.scalar(openreview)) }
        if note.kind == .paper {
            // Unknown stays empty (read as unread / not in depth), so a later import that knows
            // better can fill it without overriding anything the owner wrote.
            lines.append("status:" + (note.status.map { " " + $0.rawValue } ?? ""))
            lines.append("read_in_depth:" + (note.readInDepth ? " true" : ""))
            lines.append("tags: []")
        }
        if note.topics.count > 1 { lines.append("topics: " + YAMLText.flowList(Array(note.topics.dropFirst()))) }
        if let order = note.order { lines.append("order: \(order)") }
        if !note.sources.isEmpty { lines += ["sources:"] + note.sources.flatMap(YAMLText.listItem).map { "  " + $0 } }
        lines.append("---")
        var text = lines.joined(separator: "\n") + "\n"
        if let abstract = note.abstract { text += "\n## Abstract\n\n" + abstract + "\n" }
        if let notes = note.notes { text += "\n## Notes\n\n" + notes + "\n" } else if note.hasNotesBlock { text += "\n## Notes\n" }
        return text
    }
}

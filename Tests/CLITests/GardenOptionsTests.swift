import Testing

@Suite struct GardenOptionsTests {
    @Test func gardenComesFromTheEnvironmentWhenNotGiven() throws {
        let garden = FixtureGarden.clean()
        let result = try CLI.run(["tree"], environment: ["TRELLIS_GARDEN": garden.root])
        #expect(result.status == 0)
        #expect(result.lines.first == "Clean garden 1/2")
    }

    @Test func gardenOptionWinsOverTheEnvironment() throws {
        let clean = FixtureGarden.clean(), standard = FixtureGarden.standard()
        let result = try CLI.run(["tree", "--garden", standard.root], environment: ["TRELLIS_GARDEN": clean.root])
        #expect(result.lines.first == "Deep learning theory 2/5")
    }

    @Test func defaultGardenIsTheGardenFolderHere() throws {
        let garden = FixtureGarden.clean()
        let result = try CLI.run(["tree"], in: garden.base)
        #expect(result.status == 0)
        #expect(result.lines.first == "Clean garden 1/2")
    }

    @Test func missingGardenIsOneLineOnStderrAndExitOne() throws {
        let garden = FixtureGarden.clean()
        let missing = garden.base + "/nowhere"
        for command in ["tree", "list", "check", "search"] {
            let result = try CLI.run([command, "--garden", missing] + (command == "search" ? ["kernel"] : []))
            #expect(result.status == 1, "\(command)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("trellis: no garden at '\(missing)'"))
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test func aFileIsNotAGarden() throws {
        let garden = FixtureGarden.clean()
        let result = try CLI.run(["tree", "--garden", garden.root + "/kernels/ntk.md"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a folder"))
    }

    @Test func unknownOptionIsAUsageErrorWithExitTwo() throws {
        let result = try FixtureGarden.clean().run("list", "--colour")
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--colour'"))
    }

    @Test func noCacheStillLoads() throws {
        let result = try FixtureGarden.clean().run("list", "--no-cache")
        #expect(result.status == 0)
        #expect(result.lines.count == 2)
    }
}

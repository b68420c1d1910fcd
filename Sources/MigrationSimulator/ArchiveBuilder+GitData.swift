extension ArchiveBuilder {
    /// A bare repository under `repositories/OWNER/NAME.git/`, its pack filled with deterministic bytes.
    static func addGitData(
        _ repository: RepositoryRecord, extraPackBytes: Int, to writer: inout TarWriter, random: inout SeededRandom
    ) {
        let root = "repositories/\(repository.fullName).git/"
        let main = random.hex(40)
        let develop = random.hex(40)
        let tag = random.hex(40)
        let tagged = random.hex(40)
        let packName = "pack-" + random.hex(40)
        let objectCount = 40 + Int(random.next() % 400)
        writer.addDirectory("repositories")
        writer.addDirectory("repositories/\(repository.owner)")
        writer.addDirectory(root)
        writer.addFile(root + "HEAD", text: "ref: refs/heads/main\n")
        writer.addFile(
            root + "config",
            text: "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n")
        writer.addFile(
            root + "description", text: "Unnamed repository; edit this file 'description' to name the repository.\n")
        writer.addFile(
            root + "packed-refs",
            text: "# pack-refs with: peeled fully-peeled sorted \n\(develop) refs/heads/develop\n"
                + "\(main) refs/heads/main\n\(tag) refs/tags/v1.0.0\n^\(tagged)\n")
        for directory in ["refs/", "refs/heads/", "refs/tags/", "objects/", "objects/info/", "objects/pack/"] {
            writer.addDirectory(root + directory)
        }
        let bodyCount = 8_192 + Int(random.next() % 16_384) + extraPackBytes
        // Built in place: the benchmark archive's pack is gigabytes, and each extra copy costs a second.
        var pack = Array("PACK".utf8) + bigEndian(2) + bigEndian(objectCount)
        pack.reserveCapacity(pack.count + bodyCount + 20)
        pack += filler(bodyCount, &random)
        pack += filler(20, &random)
        let index: [UInt8] = [0xFF, 0x74, 0x4F, 0x63] + bigEndian(2) + filler(1_024 + objectCount * 28, &random)
        writer.addFile(root + "objects/pack/\(packName).idx", index)
        writer.addFile(root + "objects/pack/\(packName).pack", pack)
    }

    private static func bigEndian(_ value: Int) -> [UInt8] {
        let word = UInt32(truncatingIfNeeded: value)
        return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> $0) }
    }

    /// `count` pseudo-random bytes, written a word at a time since the big seeded pack is megabytes long.
    static func filler(_ count: Int, _ random: inout SeededRandom) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            var offset = 0
            while offset + 8 <= count {
                base.storeBytes(of: random.next().littleEndian, toByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            if offset < count {
                withUnsafeBytes(of: random.next().littleEndian) { word in
                    for index in 0..<(count - offset) {
                        base.storeBytes(of: word[index], toByteOffset: offset + index, as: UInt8.self)
                    }
                }
            }
            initialized = count
        }
    }
}

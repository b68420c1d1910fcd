import ArchiveModel
import Testing

@Suite("Sizes as people read them")
struct ByteCountTests {
    @Test("sizes are labelled in the binary units they are counted in")
    func binaryUnits() {
        #expect(ByteCount.text(512) == "512 B")
        #expect(ByteCount.text(1_536) == "1.5 KiB")
        #expect(ByteCount.text(3 * 1_048_576) == "3.0 MiB")
        #expect(ByteCount.text(5 * 1_073_741_824) == "5.0 GiB")
        #expect(ByteCount.text(2 * 1_099_511_627_776) == "2.0 TiB")
    }
}

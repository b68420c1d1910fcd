import Foundation
import GRDB

/// The journal's file on disk: its folder, its mode, moving a corrupt one aside, and the system's reasons
/// in words.
enum JournalFile {
    /// Makes the folder (0700) when it is missing; a folder that exists keeps its mode.
    static func prepareFolder(of url: URL) throws(JournalError) {
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .folder(path: folder, reason: "it is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .folder(path: folder, reason: reason(error))
        }
    }

    /// Creates the file with mode 0600 unless it exists, so that SQLite (which gives the `-wal` and `-shm`
    /// files the database's mode) never makes it readable by others.
    static func create(_ path: String) throws(JournalError) {
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .open(path: path, reason: String(cString: strerror(errno))) }
        close(descriptor)
    }

    /// True for the errors of a file that is not an SQLite database, or a damaged one.
    static func meansCorrupt(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    }

    /// Renames the file (and its `-wal` and `-shm`, when there) to `NAME.corrupt-YYYYMMDDTHHMMSSZ`, with a
    /// number after it when that name is taken; returns the new name of the database file.
    static func moveAside(_ url: URL, now: Date) throws(JournalError) -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stem = url.path + ".corrupt-" + formatter.string(from: now)
        var target = stem
        var number = 1
        while FileManager.default.fileExists(atPath: target) {
            number += 1
            target = stem + "-\(number)"
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: url.path + suffix) {
            guard rename(url.path + suffix, target + suffix) == 0 else {
                throw .open(
                    path: url.path, reason: "corrupt, and cannot be moved aside: \(String(cString: strerror(errno)))")
            }
        }
        return URL(fileURLWithPath: target)
    }

    /// An error in words: SQLite's message for a database error (never the SQL or its arguments, which
    /// could hold recorded text), the system's for a file error.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        if let error = error as? CocoaError, let underlying = error.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        return (error as NSError).localizedDescription
    }
}

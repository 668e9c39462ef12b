#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Basics

/// What `site build --out` may take for its folder: with `--force` it moves a folder that was
/// not a site aside, so it must only ever be a folder that could be the user's own. System
/// folders, mount points, devices, pipes and anything the system will not say about are refused.
enum OutputFolder {
    /// Folders of the system, refused with all they hold.
    static let systemTrees = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/run", "/sbin",
                              "/sys", "/usr", "/System", "/Library", "/Applications"]
    /// Inside those, the folders every user may write to, as /tmp: /dev/shm keeps files in memory.
    static let sharedFolders = ["/dev/shm"]
    /// Folders of the system that hold users' folders further down (/var/www/site, /srv/intranet):
    /// refused themselves and one level down, allowed deeper.
    static let systemParents = ["/var", "/srv", "/opt", "/mnt", "/media", "/home", "/Users", "/Volumes", "/root"]

    /// Nil when `absolute` may be used, else the reason it may not.
    static func refusal(_ absolute: String) -> Message? {
        let shared = sharedFolders.contains { absolute.hasPrefix($0 + "/") }
        for tree in systemTrees where !shared && (absolute == tree || absolute.hasPrefix(tree + "/")) {
            return Message("het is een systeemmap (\(tree))", "it is a system folder (\(tree))")
        }
        for parent in systemParents where absolute == parent || isChild(absolute, of: parent) {
            return absolute == parent ? Message("het is een systeemmap", "it is a system folder")
                : Message("het is een systeemmap (direct in \(parent))", "it is a system folder (directly in \(parent))")
        }
        var info = stat()
        guard lstat(absolute, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            return errno == ENOENT ? nil : Message("het systeem kan niet zeggen wat het is (\(reason))", "the system cannot say what it is (\(reason))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        // A link or a file is moved aside itself, never what a link points to.
        case S_IFLNK, S_IFREG: return nil
        case S_IFCHR, S_IFBLK: return Message("het is een apparaat", "it is a device")
        default: return Message("het is geen map, bestand of link (een pipe of socket)", "it is not a folder, file or link (a pipe or socket)")
        }
        var parent = stat()
        guard stat(SiteBuilder.parentFolder(of: absolute), &parent) == 0 else {
            let reason = String(cString: strerror(errno))
            return Message("het systeem kan niet zeggen waar het in staat (\(reason))", "the system cannot say what holds it (\(reason))")
        }
        if parent.st_dev != info.st_dev || parent.st_ino == info.st_ino { return Message("het is een koppelpunt", "it is a mount point") }
        return nil
    }

    private static func isChild(_ path: String, of parent: String) -> Bool {
        guard path.hasPrefix(parent + "/") else { return false }
        return !path.dropFirst(parent.count + 1).contains("/")
    }
}

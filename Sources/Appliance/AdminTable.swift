import Warrants

/// Plain-text output of the administrative commands: aligned tables with a header row, and `key: value` lines.
enum AdminTable {
    /// Columns padded to their widest cell, two spaces apart, no trailing spaces.
    static func render(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return all.map { row in
            var line = ""
            for (index, cell) in row.enumerated() where index < widths.count {
                if index == row.count - 1 {
                    line += cell
                } else {
                    line += cell + String(repeating: " ", count: widths[index] - cell.count + 2)
                }
            }
            return line
        }
    }

    /// `key: value` lines.
    static func fields(_ pairs: [(String, String)]) -> [String] {
        pairs.map { "\($0.0): \($0.1)" }
    }

    /// A time as ISO 8601 UTC, or `-` when absent.
    static func time(_ micros: Int64?) -> String {
        micros.map(ISO8601Time.format(micros:)) ?? "-"
    }
}

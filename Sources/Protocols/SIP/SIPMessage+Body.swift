extension SIPMessage {
    /// The media type of Content-Type in lower case without parameters, for example `"application/sdp"`.
    public var contentType: String? {
        guard let value = value(of: "content-type") else {
            return nil
        }
        return String(SIPText.trim(value.prefix { $0 != ";" })).lowercased()
    }

    /// The session description: the body when Content-Type is application/sdp, or the first application/sdp part
    /// of a multipart body (RFC 2046 with a `boundary` parameter); nil otherwise.
    public var sdpBody: [UInt8]? {
        guard let type = contentType, !body.isEmpty else {
            return nil
        }
        if type == "application/sdp" {
            return body
        }
        guard type.hasPrefix("multipart/"), let value = value(of: "content-type") else {
            return nil
        }
        let parameters = value.split(separator: ";").dropFirst()
        guard let boundary = SIPText.parameter("boundary", in: parameters), !boundary.isEmpty else {
            return nil
        }
        return SIPMultipart.part(ofType: "application/sdp", in: body, boundary: Array(boundary.utf8))
    }
}

import Testing
import Warrants

/// Mirror ids, vendors, sinks and the IP target that needs at least one of its four kinds of target.
@Suite struct MirrorValidationTests {
    @Test(arguments: [
        (MirrorVendor?.none, UInt32.max), (.jmirror, 0x3FFF_FFFF), (.alu, 0x3FFF_FFFF), (.cisco, .max), (.jmirror, 0),
    ])
    func acceptsAnIDTheVendorCanCarry(_ vendor: MirrorVendor?, _ id: UInt32) throws {
        let target = WarrantTarget.ip(IPTarget(mirror: MirrorTarget(interceptID: id, vendor: vendor)))
        #expect(try WarrantValidation.target(target) == target)
    }

    @Test(arguments: [(MirrorVendor.jmirror, UInt32(0x4000_0000)), (.alu, .max)])
    func refusesAnIDTooLargeForTheVendor(_ vendor: MirrorVendor, _ id: UInt32) {
        let target = WarrantTarget.ip(IPTarget(mirror: MirrorTarget(interceptID: id, vendor: vendor)))
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.target(target) }
        #expect(error?.field == "mirror_id")
        #expect(error?.message == "mirror_id \"\(id)\" is out of range for \(vendor.rawValue) (0-1073741823)")
    }

    @Test(arguments: [("0", UInt32(0)), ("1073741824", 1_073_741_824), ("4294967295", .max)])
    func readsMirrorIDs(_ text: String, _ id: UInt32) throws {
        #expect(try WarrantValidation.mirrorID(text) == id)
    }

    @Test(arguments: ["", "-1", "4294967296", "12345678901", "0x10", "1 2", "+5", "٣"])
    func refusesMalformedMirrorIDs(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.mirrorID(text) }
        #expect(error?.message == "mirror_id \"\(text)\" is not an intercept id (0-4294967295)")
    }

    @Test func readsVendors() throws {
        #expect(
            try MirrorVendor.allCases.map { v throws(StoreError) in try WarrantValidation.mirrorVendor(v.rawValue) }
                == MirrorVendor.allCases
        )
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.mirrorVendor("juniper") }
        #expect(error?.message == "mirror_vendor \"juniper\" is not a mirror vendor (jmirror, alu, cisco)")
    }

    @Test(arguments: [
        ("192.0.2.1:5000", Endpoint(host: "192.0.2.1", port: 5000)),
        ("[2001:DB8::0:1]:65535", Endpoint(host: "2001:db8::1", port: 65535)),
    ])
    func readsSinkEndpoints(_ text: String, _ endpoint: Endpoint) throws {
        #expect(try WarrantValidation.sinkEndpoint(text) == endpoint)
    }

    @Test(arguments: [
        "192.0.2.1", "sink.example:5000", "2001:db8::1", "[2001:db8::1]", "192.0.2.1:0", "192.0.2.1:x", "",
    ])
    func refusesSinkEndpointsWithoutAnAddressAndAPort(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.sinkEndpoint(text) }
        #expect(
            error?.message == "sink \"\(text)\" is not an IP address with a port (ADDRESS:PORT, IPv6 as [address]:port)"
        )
    }

    @Test func aWarrantSinkIsAnIPAddressInCanonicalForm() throws {
        let target = WarrantTarget.ip(IPTarget(sink: Endpoint(host: "2001:DB8:0::1", port: 9)))
        #expect(try WarrantValidation.target(target) == .ip(IPTarget(sink: Endpoint(host: "2001:db8::1", port: 9))))
        let named = WarrantTarget.ip(IPTarget(sink: Endpoint(host: "sink.example", port: 9)))
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.target(named) }
        #expect(error?.field == "sink")
    }

    @Test func anIPWarrantNeedsAUserAStaticIPAMirrorIDOrASink() throws {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.target(.ip(IPTarget())) }
        #expect(error?.message == "a warrant needs a target: username, static_prefixes, mirror_id or sink")
        for target in [
            IPTarget(username: "bob"), IPTarget(staticPrefixes: ["192.0.2.1"]),
            IPTarget(mirror: MirrorTarget(interceptID: 1)), IPTarget(sink: Endpoint(host: "192.0.2.1", port: 9)),
        ] {
            #expect(try WarrantValidation.target(.ip(target)).ip != nil)
        }
    }

    @Test func readsSinkEncapsulationsAndDirections() throws {
        #expect(try WarrantValidation.sinkEncapsulation("alu") == .alu)
        #expect(try WarrantValidation.sinkDirection("to") == .to)
        let encapsulation = storeError { () throws(StoreError) in _ = try WarrantValidation.sinkEncapsulation("vxlan") }
        #expect(encapsulation?.message == "encapsulation \"vxlan\" is not an encapsulation (raw, jmirror, alu, cisco)")
        let direction = storeError { () throws(StoreError) in _ = try WarrantValidation.sinkDirection("in") }
        #expect(direction?.message == "direction \"in\" is not a direction (from, to, both)")
    }
}

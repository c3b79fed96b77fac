import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hostAddress, isPrivateAddress } from "../../src/images/private-address.ts";

describe("isPrivateAddress", () => {
  it("refuses loopback, RFC 1918, CGNAT, link-local, this-network, multicast and reserved IPv4", () => {
    for (const address of [
      "127.0.0.1",
      "127.255.255.254",
      "10.0.0.1",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "100.64.0.1",
      "100.127.255.255",
      "169.254.169.254",
      "0.0.0.0",
      "0.1.2.3",
      "192.0.0.170",
      "198.18.0.1",
      "224.0.0.1",
      "239.255.255.250",
      "240.0.0.1",
      "255.255.255.255",
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
  });

  it("lets public IPv4 through, also next to the private ranges", () => {
    for (const address of [
      "8.8.8.8",
      "1.1.1.1",
      "93.184.216.34",
      "172.32.0.1",
      "172.15.255.255",
      "100.128.0.1",
      "11.0.0.1",
      "126.255.255.255",
      "128.0.0.1",
      "223.255.255.255",
    ]) {
      assert.equal(isPrivateAddress(address), false, address);
    }
  });

  it("refuses IPv6 loopback, unspecified, unique-local, link-local, site-local and multicast", () => {
    for (const address of [
      "::1",
      "::",
      "0:0:0:0:0:0:0:1",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "fe80::1%eth0",
      "febf::1",
      "fec0::1",
      "ff02::1",
      "2001:db8::1",
      "100::1",
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
  });

  it("refuses IPv4 hidden in IPv6: mapped, compatible, NAT64 and 6to4 forms of private addresses", () => {
    for (const address of [
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "0:0:0:0:0:ffff:7f00:0001",
      "::ffff:10.0.0.1",
      "::ffff:169.254.169.254",
      "::ffff:0.0.0.0",
      "::127.0.0.1",
      "64:ff9b::127.0.0.1",
      "64:ff9b::a00:1",
      "64:ff9b:1::1",
      "2002:7f00:1::1",
      "2002:c0a8:101::1",
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of [
      "::ffff:8.8.8.8",
      "64:ff9b::808:808",
      "2002:808:808::1",
      "2606:4700:4700::1111",
      "2a00:1450:4001::1",
    ]) {
      assert.equal(isPrivateAddress(address), false, address);
    }
  });

  it("counts what is not an address as private", () => {
    for (const text of ["", "localhost", "example.com", "127.0.0.1.example", "::g"]) {
      assert.equal(isPrivateAddress(text), true, text);
    }
  });
});

describe("hostAddress of a URL's host", () => {
  it("reads decimal, hex, octal and short IPv4 and bracketed IPv6 the way the URL parser writes them", () => {
    const cases: Array<[string, string]> = [
      ["http://2130706433/x.png", "127.0.0.1"],
      ["http://0x7f.1/x.png", "127.0.0.1"],
      ["http://0x7f000001/x.png", "127.0.0.1"],
      ["http://017700000001/x.png", "127.0.0.1"],
      ["http://127.1/x.png", "127.0.0.1"],
      ["http://0/x.png", "0.0.0.0"],
      ["http://0xa9.0xfe.0xa9.0xfe/latest", "169.254.169.254"],
      ["http://[::1]:8080/x.png", "::1"],
      ["http://[::ffff:127.0.0.1]/x.png", "::ffff:7f00:1"],
    ];
    for (const [url, address] of cases) {
      const host = hostAddress(new URL(url).hostname);
      assert.equal(host, address, url);
      assert.equal(isPrivateAddress(host), true, url);
    }
    assert.equal(hostAddress(new URL("http://images.example.com/x.png").hostname), undefined);
  });
});

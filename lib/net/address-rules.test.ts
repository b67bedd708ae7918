import { describe, expect, it } from "vitest";
import { classifyAddress, urlShapeProblem } from "@/lib/net/address-rules";

const table: [address: string, expected: "public" | "private" | "never"][] = [
  // IPv4 public
  ["93.184.216.34", "public"],
  ["8.8.8.8", "public"],
  ["1.1.1.1", "public"],
  // loopback, private, CGNAT
  ["127.0.0.1", "private"],
  ["127.255.255.254", "private"],
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["100.64.0.1", "private"],
  ["100.127.255.254", "private"],
  // never: link-local, unspecified, multicast, broadcast, reserved, documentation
  ["169.254.169.254", "never"],
  ["169.254.0.1", "never"],
  ["0.0.0.0", "never"],
  ["0.1.2.3", "never"],
  ["224.0.0.1", "never"],
  ["239.255.255.250", "never"],
  ["255.255.255.255", "never"],
  ["240.0.0.1", "never"],
  ["192.0.2.1", "never"],
  // just outside the private blocks
  ["172.15.255.255", "public"],
  ["172.32.0.1", "public"],
  ["100.63.255.255", "public"],
  ["100.128.0.1", "public"],
  ["11.0.0.1", "public"],
  // IPv6
  ["2606:4700:4700::1111", "public"],
  ["2001:4860:4860::8888", "public"],
  ["::1", "private"],
  ["[::1]", "private"],
  ["fc00::1", "private"],
  ["fd12:3456:789a::1", "private"],
  ["fe80::1", "never"],
  ["fe80::1%eth0", "never"],
  ["febf::1", "never"],
  ["::", "never"],
  ["ff02::1", "never"],
  ["2001:db8::1", "never"],
  ["2001::1", "never"], // Teredo
  ["fec0::1", "never"], // site-local, deprecated
  // IPv4 inside IPv6
  ["::ffff:127.0.0.1", "private"],
  ["::ffff:7f00:1", "private"],
  ["::ffff:169.254.169.254", "never"],
  ["::ffff:10.1.2.3", "private"],
  ["::ffff:8.8.8.8", "public"],
  ["::ffff:0:127.0.0.1", "private"], // rfc6145
  ["64:ff9b::127.0.0.1", "private"], // NAT64
  ["64:ff9b::a9fe:a9fe", "never"], // NAT64 of 169.254.169.254
  ["64:ff9b::808:808", "public"],
  ["64:ff9b:1::1", "private"], // local-use NAT64
  ["2002:7f00:1::1", "private"], // 6to4 of 127.0.0.1
  ["2002:a9fe:a9fe::1", "never"], // 6to4 of 169.254.169.254
  ["2002:0808:0808::1", "public"],
  // not addresses
  ["localhost", "never"],
  ["", "never"],
];

describe(`classifyAddress (${table.length} addresses)`, () => {
  it.each(table)("%s is %s", (address, expected) => {
    expect(classifyAddress(address).class).toBe(expected);
  });
});

const urls: [url: string, code: string | null][] = [
  ["https://cdn.example.com/a.png", null],
  ["http://93.184.216.34/a.png", null],
  ["file:///etc/passwd", "SCHEME_NOT_ALLOWED"],
  ["data:image/png;base64,iVBORw0KGgo=", "SCHEME_NOT_ALLOWED"],
  ["javascript:alert(1)", "SCHEME_NOT_ALLOWED"],
  ["ftp://example.com/a.png", "SCHEME_NOT_ALLOWED"],
  ["gopher://127.0.0.1:6379/_x", "SCHEME_NOT_ALLOWED"],
  ["https://user:pass@example.com/a.png", "CREDENTIALS_IN_URL"],
  ["https://user@example.com/a.png", "CREDENTIALS_IN_URL"],
  ["http://127.0.0.1/a.png", "PRIVATE_ADDRESS"],
  ["http://[::1]/a.png", "PRIVATE_ADDRESS"],
  ["http://[::ffff:127.0.0.1]/a.png", "PRIVATE_ADDRESS"],
  ["http://10.0.0.5/a.png", "PRIVATE_ADDRESS"],
  ["http://169.254.169.254/latest/meta-data/", "PRIVATE_ADDRESS"],
  ["http://0.0.0.0:3000/", "PRIVATE_ADDRESS"],
  ["http://2130706433/", "PRIVATE_ADDRESS"], // 127.0.0.1 as one number
  ["http://0x7f.1/", "PRIVATE_ADDRESS"], // 127.0.0.1 in hex
  ["http://017700000001/", "PRIVATE_ADDRESS"], // octal
  ["http://localhost:3000/a.png", "PRIVATE_ADDRESS"],
  ["http://app.localhost/a.png", "PRIVATE_ADDRESS"],
  ["http://printer.local/a.png", "PRIVATE_ADDRESS"],
  ["http://metadata.google.internal/", "PRIVATE_ADDRESS"],
  ["not a url", "INVALID_URL"],
];

describe(`urlShapeProblem (${urls.length} URLs)`, () => {
  it.each(urls)("%s -> %s", (url, code) => {
    expect(urlShapeProblem(url)?.code ?? null).toBe(code);
  });

  it("lets private hosts through when only `never` is refused", () => {
    expect(urlShapeProblem("http://127.0.0.1:4010/a.png", { refuse: ["never"] })).toBeNull();
    expect(urlShapeProblem("http://169.254.169.254/", { refuse: ["never"] })?.code).toBe("PRIVATE_ADDRESS");
  });
});

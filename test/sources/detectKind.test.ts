// detectKind: content type first, then the first bytes, then text/plain, then the extension; null when unsupported.
import { describe, expect, it } from "vitest";
import { detectKind } from "../../src/sources/detectKind.js";

const empty = Buffer.alloc(0);
const bytes = (text: string): Buffer => Buffer.from(text, "utf8");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("detectKind by content type", () => {
  it.each([
    ["text/calendar", "ics"],
    ["text/calendar; charset=utf-8", "ics"],
    ["application/ics", "ics"],
    ["text/html", "html"],
    ["TEXT/HTML; charset=ISO-8859-1", "html"],
    ["application/xhtml+xml", "html"],
    ["application/pdf", "pdf"],
    ["text/plain", "text"],
    ["text/plain; charset=utf-8", "text"],
  ] as const)("%s → %s", (contentType, kind) => {
    expect(detectKind({ contentType, name: null, body: bytes("Yoga Monday 6pm") })).toBe(kind);
  });

  it("trusts a specific content type over the name", () => {
    expect(detectKind({ contentType: "text/html", name: "feed.ics", body: bytes("<p>hi</p>") })).toBe("html");
  });
});

describe("detectKind by magic bytes", () => {
  it.each([
    ["%PDF-1.7\n%âãÏÓ", "pdf"],
    ["BEGIN:VCALENDAR\r\nVERSION:2.0", "ics"],
    ["\uFEFFBEGIN:VCALENDAR\r\n", "ics"],
    ["<!DOCTYPE html><html><body>", "html"],
    ["\n  <!doctype html>", "html"],
    ["<html lang=en>", "html"],
    ["<!-- generated --><html>", "html"],
  ] as const)("%j → %s", (head, kind) => {
    expect(detectKind({ contentType: "application/octet-stream", name: "download", body: bytes(head) })).toBe(kind);
  });

  it("reads an .ics served as text/plain as iCalendar", () => {
    expect(detectKind({ contentType: "text/plain", name: "cal", body: bytes("BEGIN:VCALENDAR\r\n") })).toBe("ics");
  });

  it("lets a signature override a wrong specific type", () => {
    expect(detectKind({ contentType: "image/png", name: "flyer.png", body: bytes("%PDF-1.4") })).toBe("pdf");
  });
});

describe("detectKind by extension", () => {
  it.each([
    ["events.ics", "ics"],
    ["https://example.com/calendar.ICS?key=1#x", "ics"],
    ["schedule.html", "html"],
    ["/var/tmp/schedule.htm", "html"],
    ["flyer.pdf", "pdf"],
    ["notes.txt", "text"],
  ] as const)("%s → %s", (name, kind) => {
    expect(detectKind({ contentType: null, name, body: empty })).toBe(kind);
  });

  it("uses the extension when the content type says nothing", () => {
    expect(detectKind({ contentType: "application/octet-stream", name: "flyer.pdf", body: bytes("garbage") })).toBe("pdf");
  });

  it("ignores a dot in a folder or host name", () => {
    expect(detectKind({ contentType: null, name: "https://example.com/events", body: empty })).toBeNull();
  });
});

describe("detectKind: unsupported", () => {
  it.each([
    ["image/png", "flyer.png", PNG],
    ["image/png", "flyer.pdf", PNG],
    [null, "photo.jpg", PNG],
    [null, null, empty],
    ["application/vnd.ms-excel", "schedule.xls", bytes("garbage")],
  ] as const)("%s %s → null", (contentType, name, body) => {
    expect(detectKind({ contentType, name, body })).toBeNull();
  });
});

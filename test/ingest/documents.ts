/** Documents the ingestion tests serve and upload: one event series seen through several kinds of source. */

/** A feed: a weekly class (RRULE), a one-off concert, and an all-day fair; UIDs given. */
export const FEED_ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Test//Fixtures//EN",
  "BEGIN:VEVENT",
  "UID:yoga-weekly@studio.test",
  "DTSTAMP:20261201T000000Z",
  "DTSTART;TZID=America/New_York:20270105T180000",
  "DTEND;TZID=America/New_York:20270105T190000",
  "RRULE:FREQ=WEEKLY;BYDAY=TU",
  "SUMMARY:Beginners Yoga",
  "LOCATION:Studio B",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:concert-0312@hall.test",
  "DTSTAMP:20261201T000000Z",
  "DTSTART;TZID=America/New_York:20270312T200000",
  "DTEND;TZID=America/New_York:20270312T223000",
  "SUMMARY:Jazz Night with the Blue Trio",
  "LOCATION:Blue Note Hall",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:fair-2027@town.test",
  "DTSTAMP:20261201T000000Z",
  "DTSTART;VALUE=DATE:20270501",
  "DTEND;VALUE=DATE:20270503",
  "SUMMARY:Spring Craft Fair",
  "LOCATION:Town Square",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** The same concert announced on a web page (JSON-LD), worded differently and without a UID. */
export const CONCERT_PAGE_HTML = `<!doctype html>
<html><head><title>Blue Note Hall — events</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"MusicEvent","name":"Jazz night: the Blue Trio",
 "startDate":"2027-03-12T20:00:00-05:00","endDate":"2027-03-12T22:30:00-05:00",
 "location":{"@type":"Place","name":"Blue Note Hall","address":{"@type":"PostalAddress","streetAddress":"131 W 3rd St","addressLocality":"New York"}},
 "url":"https://hall.test/events/blue-trio"}
</script></head><body><h1>Jazz night</h1></body></html>`;

/** A dated post of one occurrence of the weekly class (plain text flyer). */
export const YOGA_POST_TXT = "Beginners Yoga on Tuesday, January 12, 2027 at 6pm in Studio B\n";

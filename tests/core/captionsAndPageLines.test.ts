/**
 * A photo's caption and a page's lines run into a sentence are no point or answer: a handout photo's
 * caption ("This undated photo released by the county sheriff's office shows …"), a credit ("Provided
 * by …", "Photo courtesy of …"), a linked headline after "Read:", a prompt to download a site's app, a
 * post's "Updated:" or "Posted by …" stamp, a live blog's heading with its time zone, an embedded post's
 * footer. A sentence about a photo, an app or a post stays a point. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { readability } from "../../src/engine/points.ts";
import {
  isFurniture,
  isPhotoCaption,
  opensOnRunOnLabel,
  withoutLeadingPageLabels,
} from "../../src/text/furniture.ts";

const point = (s: string) => readability(s) > 0;

describe("a photo's caption and a page's lines", () => {
  it("a handout photo's caption 'This … photo released by … shows …' is a caption", () => {
    for (const s of [
      "This undated photo released by the harlow county sheriff's office shows jane roe, who was arrested on friday.",
      "This image provided by the city of riverton shows, from left, the mayor, two council members and the fire chief.",
      "This may 3, 2017, booking photo made available by the county jail shows john doe of millbrook.",
    ]) {
      expect(isPhotoCaption(s)).toBe(true);
      expect(point(s)).toBe(false);
    }
    // About a photo, no caption: it shows nothing here.
    const about =
      "This photo released by the campaign on monday drew criticism from both parties in the state.";
    expect(isPhotoCaption(about)).toBe(false);
    expect(point(about)).toBe(true);
  });

  it("a credit, a linked headline after 'Read:' and a post's stamp opening the sentence are no point", () => {
    for (const s of [
      "Provided by the harlow county sheriff's office authorities are looking for this man after a bank robbery.",
      "Photo courtesy of the riverton fire department crews worked through the night to save the mill.",
      "Read: riverton mill fire leaves dozens without work the mill had stood on the river for a century.",
      "Also read: council votes to close old bridge the bridge carried about 4,000 cars a day.",
      "Posted by jane roe on the riverton desk the council voted to close the old bridge on monday.",
      "Updated: june 3, 2016 5: 05 pm a riverton teen has been named the state's spelling champion.",
      "4: 15 p.m.: this story was updated with comments from the riverton fire chief.",
    ]) {
      expect(opensOnRunOnLabel(s)).toBe(true);
      expect(point(s)).toBe(false);
    }
    for (const s of [
      "Provided the weather holds, the riverton fair will open on saturday as planned.",
      "Readers of the riverton gazette voted the old mill the town's best building.",
      "The council posted a notice by the old bridge on monday warning drivers of the closure.",
    ])
      expect(point(s)).toBe(true);
  });

  it("a page's 'Updated:' label or a labelled photo credit before the sentence's own words is dropped where shown", () => {
    const s = "Updated: the riverton city council voted on monday to close the old river bridge.";
    expect(withoutLeadingPageLabels(s)).toBe(
      "The riverton city council voted on monday to close the old river bridge.",
    );
    expect(opensOnRunOnLabel(s)).toBe(false);
    expect(
      withoutLeadingPageLabels(
        "( photo credit: jane roe ) the riverton city council voted to close the bridge.",
      ),
    ).toBe("The riverton city council voted to close the bridge.");
  });

  it("a prompt to download a site's app is furniture; a sentence about an app is not", () => {
    for (const s of [
      "Download the kxyz news app for updates on this story.",
      "Stay informed: download the kxyz mobile app the fire burned for six hours before crews put it out.",
      "For alerts on breaking news, download our free app for phones and tablets.",
    ]) {
      expect(isFurniture(s)).toBe(true);
      expect(point(s)).toBe(false);
    }
    for (const s of [
      "Once you download the riverton transit app on your phone, you can pay for any bus ride.",
      "More than a million people rushed to download the new app in its first week, the company said.",
    ]) {
      expect(isFurniture(s)).toBe(false);
      expect(point(s)).toBe(true);
    }
  });

  it("a live blog's heading with its time zone, an embedded post's footer: no point", () => {
    for (const s of [
      "The latest on the flooding in riverton ( all times local ): 6 p.m.",
      "The latest on the flooding in riverton ( all times local ): 6 p.m. The river crested at 19 feet on monday night.",
      "Posted by jane roe on monday, june 3, 2019 the council voted to close the old bridge after the flood.",
      "A photo posted by jane roe ( @janeroe ) on jun 3, 2019 at 9: 15am pdt the river crested at 19 feet.",
    ]) {
      expect(opensOnRunOnLabel(s)).toBe(true);
      expect(point(s)).toBe(false);
    }
    for (const s of [
      "The clinic keeps a nurse on duty at all times, the hospital said on monday.",
      "The video was posted by a riverton teacher on monday and has been viewed a million times.",
    ])
      expect(point(s)).toBe(true);
  });
});

import type { Schema, Struct } from "@strapi/strapi";

export interface ContentLink extends Struct.ComponentSchema {
  collectionName: "components_content_link";
  info: {
    description: "";
    displayName: "Linkki";
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    url: Schema.Attribute.String & Schema.Attribute.Required;
  };
}

export interface DirectoryAddress extends Struct.ComponentSchema {
  collectionName: "components_directory_address";
  info: {
    description: "";
    displayName: "Osoite";
  };
  attributes: {
    poBox: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 50;
      }>;
    postalCode: Schema.Attribute.String;
    postOffice: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    postOfficeSv: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    street: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    streetSv: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface DirectoryEmail extends Struct.ComponentSchema {
  collectionName: "components_directory_email";
  info: {
    description: "secure = a secure-mail address suitable for client information";
    displayName: "S\u00E4hk\u00F6posti";
  };
  attributes: {
    address: Schema.Attribute.Email & Schema.Attribute.Required;
    label: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    secure: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface DirectoryLanguage extends Struct.ComponentSchema {
  collectionName: "components_directory_language";
  info: {
    description: "";
    displayName: "Asiointikieli";
  };
  attributes: {
    code: Schema.Attribute.Enumeration<
      ["fi", "sv", "en", "se", "ru", "et", "ar", "so", "fa", "uk", "fi-sign"]
    > &
      Schema.Attribute.Required;
  };
}

export interface DirectoryOpeningException extends Struct.ComponentSchema {
  collectionName: "components_directory_opening_exception";
  info: {
    description: "Holiday or other exception to the regular opening hours";
    displayName: "Poikkeusaukiolo";
  };
  attributes: {
    closed: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    closes: Schema.Attribute.Time;
    endDate: Schema.Attribute.Date;
    opens: Schema.Attribute.Time;
    reason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    startDate: Schema.Attribute.Date & Schema.Attribute.Required;
  };
}

export interface DirectoryOpeningHours extends Struct.ComponentSchema {
  collectionName: "components_directory_opening_hours";
  info: {
    description: "Weekday range such as mon\u2013fri 8:00\u201316:00";
    displayName: "Aukioloaika";
  };
  attributes: {
    closes: Schema.Attribute.Time & Schema.Attribute.Required;
    fromDay: Schema.Attribute.Enumeration<["mon", "tue", "wed", "thu", "fri", "sat", "sun"]> &
      Schema.Attribute.Required;
    label: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    opens: Schema.Attribute.Time & Schema.Attribute.Required;
    toDay: Schema.Attribute.Enumeration<["mon", "tue", "wed", "thu", "fri", "sat", "sun"]> &
      Schema.Attribute.Required;
  };
}

export interface DirectoryPhone extends Struct.ComponentSchema {
  collectionName: "components_directory_phone";
  info: {
    description: "Typed phone number with an optional call-charge note (e.g. pvm/mpm)";
    displayName: "Puhelinnumero";
  };
  attributes: {
    chargeNote: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    kind: Schema.Attribute.Enumeration<["switchboard", "direct", "mobile", "service", "emergency", "fax"]> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<"direct">;
    label: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    number: Schema.Attribute.String & Schema.Attribute.Required;
  };
}

export interface LawSection extends Struct.ComponentSchema {
  collectionName: "components_law_section";
  info: {
    description: "Key section of a statute, summarised in our own words";
    displayName: "Pyk\u00E4l\u00E4";
  };
  attributes: {
    amendedOn: Schema.Attribute.Date;
    number: Schema.Attribute.String & Schema.Attribute.Required;
    summary: Schema.Attribute.Text;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 250;
      }>;
    titleSv: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 250;
      }>;
  };
}

export interface LawSectionReference extends Struct.ComponentSchema {
  collectionName: "components_law_section_reference";
  info: {
    description: "Reference to a section of a statute";
    displayName: "Pyk\u00E4l\u00E4viittaus";
  };
  attributes: {
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 250;
      }>;
    section: Schema.Attribute.String & Schema.Attribute.Required;
    statute: Schema.Attribute.Relation<"oneToOne", "api::statute.statute">;
  };
}

declare module "@strapi/strapi" {
  export namespace Public {
    export interface ComponentSchemas {
      "content.link": ContentLink;
      "directory.address": DirectoryAddress;
      "directory.email": DirectoryEmail;
      "directory.language": DirectoryLanguage;
      "directory.opening-exception": DirectoryOpeningException;
      "directory.opening-hours": DirectoryOpeningHours;
      "directory.phone": DirectoryPhone;
      "law.section": LawSection;
      "law.section-reference": LawSectionReference;
    }
  }
}

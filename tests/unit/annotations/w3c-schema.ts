/**
 * Validation against the W3C Web Annotation Data Model's own JSON Schemas (web-platform-tests'
 * `annotation-model/definitions/`, kept unchanged in ../shared/w3c-annotation-model/). Those
 * files only define building blocks (`#/definitions/…`); as in web-platform-tests, assertions
 * combine them. The schemas below are nothing but `$ref`s into those files, arranged as wpt's
 * assertion files arrange them, plus the "…ValidIfPresent" / "…Definition" blocks of every
 * feature our export uses (motivation, stylesheet, selectors, styleClass, scope, purpose,
 * language, format), so a value the model forbids anywhere fails.
 *
 * Loading: draft-04 (ajv-draft-04), `strict: false` because the files use union types and two
 * `"$ref "` keys with a trailing space (an upstream typo, ignored as unknown keywords — exactly
 * what any validator does with them); the `uri` and `date-time` formats are checked for real
 * (ajv-formats), not skipped. A `$ref` beside other keywords (e.g. specificeResourceDetected) is
 * applied together with them, as wpt's intent is; that is the stricter reading.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';

export const DEFINITIONS = '/work/shared/w3c-annotation-model/definitions';

const ref = ($ref: string) => ({ $ref });
/** One value, or a list of such values (as the model allows for most keys). */
const oneOrMany = (schema: object) => ({
  oneOf: [
    { type: ['string', 'object'], allOf: [schema] },
    { type: 'array', minItems: 1, items: schema },
  ],
});

/** Everything an embedded annotation must satisfy (its @context may be its collection's). */
const embeddedAnnotation = {
  id: 'ar-embedded-annotation.json',
  type: 'object',
  required: ['id', 'type', 'target'],
  allOf: [
    // annotationMusts.test (wpt), except the @context assertion (see annotation below)
    ref('id.json#/definitions/idValueFound'), // 3.1-annotationIdValidated
    ref('annotations.json#/definitions/annotationTypeValueFound'), // 3.1-annotationTypeValidated
    { not: { required: ['body', 'bodyValue'] } }, // 3.2.5-notBodyBodyValue
    ref('annotations.json#/definitions/bodyValueValidIfPresent'), // 3.2.5-bodyValueValidated
    ref('otherProperties.json#/definitions/createdValidIfPresent'),
    ref('otherProperties.json#/definitions/modifiedValidIfPresent'),
    ref('otherProperties.json#/definitions/generatedValidIfPresent'),
    ref('otherProperties.json#/definitions/rightsValidIfPresent'),
    ref('otherProperties.json#/definitions/canonicalValidIfPresent'),
    ref('otherProperties.json#/definitions/viaValidIfPresent'),
    // the features we use, where present
    ref('annotations.json#/definitions/motivationRecognizedIfPresent'),
    ref('annotations.json#/definitions/motivationSingularIfPresent'),
    ref('annotations.json#/definitions/stylesheetValueDefinition'),
    ref('otherProperties.json#/definitions/creatorValidIfPresent'),
    ref('otherProperties.json#/definitions/audienceValidIfPresent'),
  ],
  properties: {
    // 3.2-targetObjectsRecognized, then each target's optional keys
    target: oneOrMany({
      allOf: [
        ref('bodyTarget.json#/definitions/targetResourcesFound'),
        ref('ar-resource-details.json'),
        {
          anyOf: [
            ref('id.json#/definitions/stringUri'),
            {
              allOf: [
                ref('bodyTarget.json#/definitions/optionalTargetPropertiesMust'),
                ref('bodyTarget.json#/definitions/optionalTargetPropertiesShould'),
              ],
            },
          ],
        },
      ],
    }),
    // 3.2-bodyObjectsRecognized, then each body's optional keys
    body: oneOrMany({
      allOf: [
        ref('bodyTarget.json#/definitions/bodyResourcesFound'),
        ref('ar-resource-details.json'),
        {
          anyOf: [
            ref('id.json#/definitions/stringUri'),
            {
              allOf: [
                ref('bodyTarget.json#/definitions/optionalBodyPropertiesMust'),
                ref('bodyTarget.json#/definitions/optionalBodyPropertiesShould'),
                ref('otherProperties.json#/definitions/purposeRecognizedIfPresent'),
              ],
            },
          ],
        },
      ],
    }),
  },
};

/** Selector, styleClass and scope values of a body or target object (strings pass). */
const resourceDetails = {
  id: 'ar-resource-details.json',
  anyOf: [
    { type: 'string' },
    {
      type: 'object',
      allOf: [
        ref('specificResource.json#/definitions/selectorDefined'),
        ref('specificResource.json#/definitions/styleClassDefinition'),
        ref('specificResource.json#/definitions/scopeDefinition'),
        ref('specificResource.json#/definitions/renderedViaDefinition'),
      ],
      properties: {
        selector: oneOrMany({
          allOf: [
            ref('specificResource.json#/definitions/textQuoteSelectorTypeValidIfPresent'),
            ref('specificResource.json#/definitions/textPositionSelectorTypeValidIfPresent'),
          ],
        }),
      },
    },
  ],
};

const contextCheck = {
  required: ['@context'],
  properties: {
    '@context': {
      oneOf: [
        ref('annotations.json#/definitions/contextValueFound'),
        ref('annotations.json#/definitions/contextValueInArrayFound'),
      ],
    },
  },
};

/** A standalone annotation: 3.1-annotationContextValidated and the rest. */
const annotation = {
  id: 'ar-annotation.json',
  allOf: [contextCheck, ref('ar-embedded-annotation.json')],
};

/** collectionMusts.test and pageMusts.test (wpt), with the page embedded as `first`. */
const page = {
  id: 'ar-page.json',
  allOf: [
    ref('collections.json#/definitions/annotationPageTypeValueFound'),
    ref('id.json#/definitions/idValueFound'),
    ref('collections.json#/definitions/itemsFound'),
    ref('collections.json#/definitions/startIndexDefinition'),
    ref('collections.json#/definitions/partOfValidIfPresent'),
    ref('collections.json#/definitions/nextValidIfPresent'),
    ref('collections.json#/definitions/prevValidIfPresent'),
    ref('collections.json#/definitions/totalDefinition'),
    ref('collections.json#/definitions/labelDefinition'),
    ref('otherProperties.json#/definitions/createdValidIfPresent'),
    ref('otherProperties.json#/definitions/modifiedValidIfPresent'),
    ref('otherProperties.json#/definitions/rightsValidIfPresent'),
  ],
  properties: { items: { items: ref('ar-embedded-annotation.json') } },
};

const collection = {
  id: 'ar-collection.json',
  type: 'object',
  required: ['@context', 'id', 'type'],
  allOf: [
    {
      properties: {
        '@context': {
          oneOf: [
            ref('collections.json#/definitions/contextValueFound'),
            ref('collections.json#/definitions/contextValueInArrayFound'),
          ],
        },
      },
    },
    ref('id.json#/definitions/idValueFound'),
    ref('collections.json#/definitions/annotationCollectionTypeValueFound'),
    ref('collections.json#/definitions/labelDefinition'),
    ref('collections.json#/definitions/totalDefinition'),
    ref('collections.json#/definitions/firstValidIfPresent'),
    ref('collections.json#/definitions/firstRequiredIfTotalMoreThanZero'),
    ref('collections.json#/definitions/lastValidIfPresent'),
    ref('otherProperties.json#/definitions/createdValidIfPresent'),
    ref('otherProperties.json#/definitions/modifiedValidIfPresent'),
    ref('otherProperties.json#/definitions/rightsValidIfPresent'),
  ],
  properties: { first: ref('ar-page.json') },
};

export interface Validators {
  /** A standalone annotation (with @context). */
  annotation(value: unknown): string[];
  /** A whole AnnotationCollection, its embedded page and every item. */
  collection(value: unknown): string[];
  /** Any definition of the folder, e.g. `specificResource.json#/definitions/textQuoteSelectorDetected`. */
  definition(ref: string, value: unknown): string[];
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} (${e.schemaPath})`);
}

export function loadValidators(): Validators {
  const Ajv = (Ajv04 as unknown as { default?: typeof Ajv04 }).default ?? Ajv04;
  const ajv = new Ajv({ strict: false, allErrors: true });
  const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
  formats(ajv, ['uri', 'date-time']);
  const files = fs.readdirSync(DEFINITIONS).filter((f) => f.endsWith('.json'));
  if (files.length !== 21)
    throw new Error(`expected the 21 definition files, found ${files.length}`);
  for (const f of files) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(DEFINITIONS, f), 'utf8')), f);
  }
  for (const s of [resourceDetails, embeddedAnnotation, annotation, page, collection])
    ajv.addSchema(s, s.id);
  const run = (id: string) => (value: unknown) => {
    const validate = ajv.getSchema(id)!;
    return validate(value) ? [] : describe(validate.errors);
  };
  return {
    annotation: run('ar-annotation.json'),
    collection: run('ar-collection.json'),
    definition: (r, value) => {
      const validate = ajv.compile({ $ref: r });
      return validate(value) ? [] : describe(validate.errors);
    },
  };
}

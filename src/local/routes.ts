/**
 * The `/_api/...` surface for one site: parses SharePoint's path syntax (`lists/getByTitle('X')/items(3)`),
 * dispatches to the store and shapes the answer. Transport concerns (auth, digest, faults, CORS) live in server.ts.
 */
import type { Caller } from "./auth/claims";
import { Codes, Errors, type ResponseFormat, SpError } from "./errors";
import { evalFilter } from "./entity-filter";
import { type FieldDef, fieldFromRest, fieldFromXml, fieldODataType, NUMBER_BY_KIND, typeAsString } from "./field-model";
import { itemUri, newRecycleId, parseProjection, projectItems, type ViewContext } from "./items-view";
import { parseFilter } from "./odata-filter";
import { collection, contentType, entity, formatFromAccept, primitive, single } from "./serialize";
import { entityTypeName, itemTypeName, type ListMeta, parseEtag, type SiteStore, type SiteUser } from "./site-store";

export interface ApiRequest {
  method: string;
  url: URL;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  body: string;
  caller: Caller | null;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Counter name for /_local/stats. */
  kind: string;
}

export interface SiteContext {
  store: SiteStore;
  siteUrl: string;
  sitePath: string;
  issueDigest: () => { value: string; timeoutSeconds: number };
}

interface Seg {
  name: string;
  raw: string;
  args?: string;
}

/** Splits `web/lists/getByTitle('a/b')/items(3)` into segments, keeping quoted arguments intact. */
export function parseSegments(path: string): Seg[] {
  const segs: Seg[] = [];
  let cur = "";
  let inQuote = false;
  let depth = 0;
  const push = () => {
    if (!cur) return;
    const m = /^([^(]*)(?:\((.*)\))?$/s.exec(cur);
    if (!m) throw Errors.resource(cur);
    segs.push({ name: m[1].toLowerCase(), raw: m[1], args: m[2] });
    cur = "";
  };
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "'" && depth > 0) {
      if (inQuote && path[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQuote = !inQuote;
    }
    if (!inQuote && c === "(") depth++;
    if (!inQuote && c === ")") depth--;
    if (c === "/" && !inQuote && depth === 0) push();
    else cur += c;
  }
  push();
  return segs;
}

/** `'X'` -> X (with '' unescaped), `guid'..'` -> .., `3` -> 3. */
function argString(args: string | undefined): string {
  const a = (args ?? "").trim();
  const m = /^(?:guid)?'(.*)'$/is.exec(a);
  if (m) return m[1].replace(/''/g, "'");
  return a;
}
function argInt(args: string | undefined): number {
  const s = argString(args);
  if (!/^\d+$/.test(s)) throw Errors.badExpression(args ?? "", "An integer was expected.");
  return Number(s);
}

function parseBody(body: string): Record<string, unknown> {
  if (!body.trim()) return {};
  try {
    const v = JSON.parse(body);
    if (!v || typeof v !== "object" || Array.isArray(v)) throw new Error("not an object");
    return v as Record<string, unknown>;
  } catch {
    throw Errors.badJson();
  }
}

class Reply {
  constructor(
    readonly format: ResponseFormat,
    readonly ctx: SiteContext,
  ) {}
  json(status: number, body: unknown, kind: string, headers: Record<string, string> = {}): ApiResponse {
    return {
      status,
      headers: { "Content-Type": contentType(this.format), ...headers },
      body: JSON.stringify(body),
      kind,
    };
  }
  empty(status: number, kind: string, headers: Record<string, string> = {}): ApiResponse {
    return { status, headers, body: "", kind };
  }
  meta(fragment: string): string {
    return `${this.ctx.siteUrl}/_api/$metadata#${fragment}`;
  }
}

function pick(obj: Record<string, unknown>, select: string | null, typeName: string): Record<string, unknown> {
  if (!select) return obj;
  const names = select
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.includes("*")) return obj;
  const out: Record<string, unknown> = {};
  for (const n of names) {
    if (!(n in obj)) throw Errors.noProperty(n, typeName);
    out[n] = obj[n];
  }
  return out;
}

export class SiteApi {
  constructor(private readonly ctx: SiteContext) {}

  handle(req: ApiRequest, apiPath: string): ApiResponse {
    const format = formatFromAccept(req.headers.accept);
    const r = new Reply(format, this.ctx);
    let method = req.method.toUpperCase();
    const override = req.headers["x-http-method"];
    if (method === "POST" && override) method = override.toUpperCase();
    if (method === "PATCH" || method === "PUT") method = "MERGE";
    const segs = parseSegments(apiPath);
    const first = segs.shift();
    if (!first) throw Errors.resource("_api");
    switch (first.name) {
      case "contextinfo":
        if (method !== "POST") throw Errors.method();
        return this.contextInfo(r);
      case "web":
        return this.web(r, req, method, segs);
      case "lists":
        return this.lists(r, req, method, [first, ...segs]);
      case "site":
        if (segs.length === 0 && method === "GET") {
          return r.json(200, single(format, entity(format, { type: "SP.Site", uri: `${this.ctx.siteUrl}/_api/site` }, { Id: this.ctx.store.webId, Url: this.ctx.siteUrl, ServerRelativeUrl: this.ctx.sitePath }), r.meta("SP.Site")), "web");
        }
        throw Errors.resource(first.raw);
      default:
        throw Errors.resource(first.raw);
    }
  }

  private contextInfo(r: Reply): ApiResponse {
    const d = this.ctx.issueDigest();
    const props = {
      FormDigestTimeoutSeconds: d.timeoutSeconds,
      FormDigestValue: d.value,
      LibraryVersion: "16.0.0.0",
      SiteFullUrl: this.ctx.siteUrl,
      SupportedSchemaVersions: r.format === "verbose" ? { results: ["14.0.0.0", "15.0.0.0"] } : ["14.0.0.0", "15.0.0.0"],
      WebFullUrl: this.ctx.siteUrl,
    };
    if (r.format === "verbose") {
      return r.json(200, { d: { GetContextWebInformation: { __metadata: { type: "SP.ContextWebInformation" }, ...props } } }, "contextinfo");
    }
    return r.json(200, single(r.format, { "odata.type": "SP.ContextWebInformation", ...props }, r.meta("SP.ContextWebInformation")), "contextinfo");
  }

  private webProps(): Record<string, unknown> {
    const s = this.ctx.store;
    return {
      Created: s.created,
      Description: "",
      Id: s.webId,
      Language: 1033,
      LastItemModifiedDate: s.created,
      ServerRelativeUrl: this.ctx.sitePath,
      Title: s.name,
      Url: this.ctx.siteUrl,
      WebTemplate: "STS",
    };
  }

  private web(r: Reply, req: ApiRequest, method: string, segs: Seg[]): ApiResponse {
    const next = segs.shift();
    const store = this.ctx.store;
    if (!next) {
      if (method !== "GET") throw Errors.method();
      const props = pick(this.webProps(), req.url.searchParams.get("$select"), "SP.Web");
      return r.json(200, single(r.format, entity(r.format, { type: "SP.Web", uri: `${this.ctx.siteUrl}/_api/Web`, editLink: "Web" }, props), r.meta("SP.Web")), "web");
    }
    switch (next.name) {
      case "title":
        return r.json(200, primitive(r.format, "Title", store.name, r.meta("Edm.String")), "web");
      case "currentuser":
        if (segs.length) throw Errors.resource(segs[0].raw);
        return this.user(r, req, store.userForCaller(req.caller));
      case "ensureuser": {
        if (method !== "POST") throw Errors.method();
        const body = parseBody(req.body);
        const logon = typeof body.logonName === "string" ? body.logonName : next.args ? argString(next.args) : "";
        if (!logon) throw new SpError(400, Codes.argument, "The parameter 'logonName' cannot be empty.");
        return this.user(r, req, store.ensureUser(logon));
      }
      case "getuserbyid": {
        const u = store.users.get(argInt(next.args));
        if (!u) throw new SpError(404, Codes.spException, "User cannot be found.");
        return this.user(r, req, u);
      }
      case "siteusers":
        return this.siteUsers(r, req, method, next, segs);
      case "lists":
        return this.lists(r, req, method, [next, ...segs]);
      case "getlist":
      case "getlistbytitle": {
        const title = argString(next.args);
        const list = store.listByTitle(title.split("/").pop() ?? title);
        if (!list) throw Errors.listNotFound(title, this.ctx.siteUrl);
        return this.list(r, req, method, list, segs);
      }
      default:
        throw Errors.resource(next.raw);
    }
  }

  private userEntity(r: Reply, u: SiteUser): Record<string, unknown> {
    return entity(r.format, { type: "SP.User", uri: `${this.ctx.siteUrl}/_api/Web/GetUserById(${u.id})`, editLink: `Web/GetUserById(${u.id})` }, {
      Id: u.id,
      IsHiddenInUI: false,
      LoginName: u.loginName,
      Title: u.title,
      PrincipalType: 1,
      Email: u.email,
      Expiration: "",
      IsEmailAuthenticationGuestUser: false,
      IsShareByEmailGuestUser: false,
      IsSiteAdmin: u.isSiteAdmin,
      UserId: u.upn ? { NameId: u.oid || u.upn, NameIdIssuer: "urn:federation:microsoftonline" } : null,
      UserPrincipalName: u.upn || null,
    });
  }

  private user(r: Reply, req: ApiRequest, u: SiteUser): ApiResponse {
    const e = this.userEntity(r, u);
    return r.json(200, single(r.format, pick(e, req.url.searchParams.get("$select"), "SP.User"), r.meta("SP.ApiData.Users1/@Element")), "users");
  }

  private siteUsers(r: Reply, req: ApiRequest, method: string, seg: Seg, segs: Seg[]): ApiResponse {
    const store = this.ctx.store;
    const next = segs.shift();
    let u: SiteUser | undefined;
    if (seg.args !== undefined) {
      const a = argString(seg.args);
      u = store.users.get(Number(a)) ?? [...store.users.values()].find((x) => `!@v::${x.loginName}`.toLowerCase() === a.toLowerCase() || x.loginName.toLowerCase() === a.toLowerCase());
    } else if (!next) {
      if (method === "POST") {
        const body = parseBody(req.body);
        return this.user(r, req, store.ensureUser(String(body.LoginName ?? "")));
      }
      let users = [...store.users.values()].map((x) => this.userEntity(new Reply("nometadata", this.ctx), x));
      const filter = req.url.searchParams.get("$filter");
      if (filter) {
        const ast = parseFilter(filter);
        users = users.filter((x) => evalFilter(ast, x));
      }
      const items = users.map((x) => {
        const full = this.userEntity(r, store.users.get(x.Id as number)!);
        return pick(full, req.url.searchParams.get("$select"), "SP.User");
      });
      return r.json(200, collection(r.format, items, r.meta("SP.ApiData.Users1")), "users");
    } else if (next.name === "getbyemail") {
      u = store.userByEmail(argString(next.args));
    } else if (next.name === "getbyid") {
      u = store.users.get(argInt(next.args));
    } else if (next.name === "getbyloginname") {
      const a = argString(next.args).toLowerCase();
      u = [...store.users.values()].find((x) => x.loginName.toLowerCase() === a);
    } else throw Errors.resource(next.raw);
    if (!u) throw new SpError(404, Codes.spException, "User cannot be found.");
    return this.user(r, req, u);
  }

  // ---- lists -------------------------------------------------------------------------------------------------

  listEntity(r: Reply, l: ListMeta): Record<string, unknown> {
    return entity(r.format, { type: "SP.List", uri: `${this.ctx.siteUrl}/_api/Web/Lists(guid'${l.id}')`, etag: `"${l.version}"`, editLink: `Web/Lists(guid'${l.id}')` }, {
      AllowContentTypes: true,
      BaseTemplate: l.baseTemplate,
      BaseType: 0,
      ContentTypesEnabled: false,
      Created: l.created,
      Description: l.description,
      EnableAttachments: true,
      EnableFolderCreation: false,
      EnableMinorVersions: false,
      EnableVersioning: l.enableVersioning,
      EntityTypeName: entityTypeName(l).replace(/ListItem$/, "List"),
      Hidden: l.hidden,
      Id: l.id,
      ItemCount: l.itemCount,
      LastItemModifiedDate: l.lastItemModified,
      ListItemEntityTypeFullName: itemTypeName(l),
      MajorVersionLimit: l.enableVersioning ? 50 : 0,
      ParentWebUrl: this.ctx.sitePath,
      Title: l.title,
    });
  }

  private lists(r: Reply, req: ApiRequest, method: string, segs: Seg[]): ApiResponse {
    const store = this.ctx.store;
    const head = segs.shift()!;
    let list: ListMeta | undefined;
    if (head.args !== undefined) {
      list = store.listById(argString(head.args));
      if (!list) throw Errors.listIdNotFound();
    } else {
      const next = segs.shift();
      if (!next) {
        if (method === "GET") {
          let all = [...store.lists.values()].map((l) => this.listEntity(new Reply("nometadata", this.ctx), l));
          const filter = req.url.searchParams.get("$filter");
          if (filter) {
            const ast = parseFilter(filter);
            all = all.filter((x) => evalFilter(ast, x));
          }
          const items = all.map((x) => pick(this.listEntity(r, store.listById(String(x.Id))!), req.url.searchParams.get("$select"), "SP.List"));
          return r.json(200, collection(r.format, items, r.meta("SP.ApiData.Lists")), "lists");
        }
        if (method === "POST") {
          const l = store.addList(parseBody(req.body));
          return r.json(201, single(r.format, this.listEntity(r, l), r.meta("SP.ApiData.Lists/@Element")), "lists");
        }
        throw Errors.method();
      }
      if (next.name === "getbytitle") {
        const title = argString(next.args);
        list = store.listByTitle(title);
        if (!list) throw Errors.listNotFound(title, this.ctx.siteUrl);
      } else if (next.name === "getbyid") {
        list = store.listById(argString(next.args));
        if (!list) throw Errors.listIdNotFound();
      } else throw Errors.resource(next.raw);
    }
    return this.list(r, req, method, list, segs);
  }

  private list(r: Reply, req: ApiRequest, method: string, list: ListMeta, segs: Seg[]): ApiResponse {
    const store = this.ctx.store;
    const next = segs.shift();
    if (!next) {
      if (method === "GET") {
        return r.json(200, single(r.format, pick(this.listEntity(r, list), req.url.searchParams.get("$select"), "SP.List"), r.meta("SP.ApiData.Lists/@Element")), "lists", { ETag: `"${list.version}"` });
      }
      if (method === "MERGE") {
        const want = parseEtag(req.headers["if-match"]);
        if (typeof want === "number" && want !== list.version) throw Errors.etag(req.headers["if-match"]!, `"${list.version}"`);
        store.updateList(list, parseBody(req.body));
        return r.empty(204, "lists", { ETag: `"${list.version}"` });
      }
      if (method === "DELETE") {
        store.deleteList(list);
        return r.empty(200, "lists");
      }
      throw Errors.method();
    }
    switch (next.name) {
      case "items":
        if (next.args !== undefined) return this.item(r, req, method, list, argInt(next.args), segs);
        if (segs.length) throw Errors.resource(segs[0].raw);
        return this.items(r, req, method, list);
      case "getitembyid":
        return this.item(r, req, method, list, argInt(next.args), segs);
      case "fields":
        return this.fields(r, req, method, list, next, segs);
      case "itemcount":
        return r.json(200, primitive(r.format, "ItemCount", list.itemCount, r.meta("Edm.Int32")), "lists");
      case "recycle": {
        if (method !== "POST") throw Errors.method();
        store.deleteList(list);
        return r.json(200, primitive(r.format, "Recycle", newRecycleId(), r.meta("Edm.Guid")), "lists");
      }
      default:
        throw Errors.resource(next.raw);
    }
  }

  // ---- fields ------------------------------------------------------------------------------------------------

  private fieldEntity(r: Reply, list: ListMeta, f: FieldDef): Record<string, unknown> {
    const props: Record<string, unknown> = {
      CanBeDeleted: !f.builtin,
      DefaultValue: f.defaultValue ?? null,
      Description: f.description,
      EnforceUniqueValues: f.unique,
      FieldTypeKind: NUMBER_BY_KIND[f.kind],
      Filterable: f.kind !== "Note",
      Group: f.builtin ? "Core Columns" : "Custom Columns",
      Hidden: f.hidden,
      Id: f.id,
      Indexed: f.indexed,
      InternalName: f.internalName,
      ReadOnlyField: f.readOnly,
      Required: f.required,
      Sortable: f.kind !== "Note" && !f.multi && f.kind !== "MultiChoice",
      StaticName: f.internalName,
      Title: f.title,
      TypeAsString: typeAsString(f),
    };
    if (f.kind === "Text") props.MaxLength = f.maxLength ?? 255;
    if (f.kind === "Choice" || f.kind === "MultiChoice") {
      props.Choices = r.format === "verbose" ? { __metadata: { type: "Collection(Edm.String)" }, results: f.choices } : f.choices;
      props.FillInChoice = false;
    }
    if (f.kind === "User" || f.kind === "Lookup") {
      props.AllowMultipleValues = f.multi;
      props.LookupList = f.kind === "User" ? "{00000000-0000-0000-0000-000000000000}" : `{${f.lookupList}}`;
      props.LookupField = f.kind === "User" ? "ImnName" : (f.lookupField ?? "Title");
    }
    if (f.kind === "User") props.SelectionMode = f.selectionMode ?? 1;
    if (f.kind === "DateTime") props.DisplayFormat = f.displayFormat ?? 0;
    const uri = `${this.ctx.siteUrl}/_api/Web/Lists(guid'${list.id}')/Fields(guid'${f.id}')`;
    return entity(r.format, { type: fieldODataType(f), uri, editLink: `Web/Lists(guid'${list.id}')/Fields(guid'${f.id}')` }, props);
  }

  private fields(r: Reply, req: ApiRequest, method: string, list: ListMeta, seg: Seg, segs: Seg[]): ApiResponse {
    const store = this.ctx.store;
    let field: FieldDef | undefined;
    if (seg.args !== undefined) {
      const id = argString(seg.args).toLowerCase();
      field = list.fields.find((f) => f.id === id);
      if (!field) throw Errors.fieldNotFound(id);
    } else {
      const next = segs.shift();
      if (!next) {
        if (method === "GET") {
          let all = list.fields.map((f) => this.fieldEntity(new Reply("nometadata", this.ctx), list, f));
          const filter = req.url.searchParams.get("$filter");
          if (filter) {
            const ast = parseFilter(filter);
            all = all.filter((x) => evalFilter(ast, x));
          }
          const items = all.map((x) => pick(this.fieldEntity(r, list, list.fields.find((f) => f.id === x.Id)!), req.url.searchParams.get("$select"), "SP.Field"));
          return r.json(200, collection(r.format, items, r.meta("SP.ApiData.Fields")), "fields");
        }
        if (method === "POST") return this.fieldCreated(r, list, store.addField(list, fieldFromRest(parseBody(req.body))));
        throw Errors.method();
      }
      switch (next.name) {
        case "addfield": {
          const body = parseBody(req.body);
          const params = (body.parameters ?? body) as Record<string, unknown>;
          return this.fieldCreated(r, list, store.addField(list, fieldFromRest(params)));
        }
        case "createfieldasxml": {
          const body = parseBody(req.body);
          const params = (body.parameters ?? {}) as Record<string, unknown>;
          const xml = typeof params.SchemaXml === "string" ? params.SchemaXml : "";
          return this.fieldCreated(r, list, store.addField(list, fieldFromXml(xml)));
        }
        case "getbyinternalnameortitle":
        case "getbytitle": {
          const name = argString(next.args);
          field = next.name === "getbytitle" ? list.fields.find((f) => f.title.toLowerCase() === name.toLowerCase()) : store.fieldByNameOrTitle(list, name);
          if (!field) throw Errors.fieldNotFound(name);
          break;
        }
        case "getbyid": {
          const id = argString(next.args).toLowerCase();
          field = list.fields.find((f) => f.id === id);
          if (!field) throw Errors.fieldNotFound(id);
          break;
        }
        default:
          throw Errors.resource(next.raw);
      }
    }
    if (segs.length) throw Errors.resource(segs[0].raw);
    if (method === "GET") {
      return r.json(200, single(r.format, pick(this.fieldEntity(r, list, field), req.url.searchParams.get("$select"), "SP.Field"), r.meta("SP.ApiData.Fields/@Element")), "fields");
    }
    if (method === "MERGE") {
      store.updateField(list, field, parseBody(req.body));
      return r.empty(204, "fields");
    }
    if (method === "DELETE") {
      store.deleteField(list, field);
      return r.empty(200, "fields");
    }
    throw Errors.method();
  }

  private fieldCreated(r: Reply, list: ListMeta, f: FieldDef): ApiResponse {
    return r.json(201, single(r.format, this.fieldEntity(r, list, f), r.meta("SP.ApiData.Fields/@Element")), "fields");
  }

  // ---- items -------------------------------------------------------------------------------------------------

  private view(r: Reply): ViewContext {
    return { format: r.format, siteUrl: this.ctx.siteUrl, store: this.ctx.store };
  }

  private items(r: Reply, req: ApiRequest, method: string, list: ListMeta): ApiResponse {
    const store = this.ctx.store;
    const qs = req.url.searchParams;
    const meta = r.meta(`SP.Data.${entityTypeName(list).replace(/ListItem$/, "")}ListItems`);
    if (method === "GET") {
      const proj = parseProjection(store, list, qs.get("$select") ?? undefined, qs.get("$expand") ?? undefined);
      const page = store.queryItems(list, {
        filter: qs.get("$filter") ?? undefined,
        orderby: qs.get("$orderby") ?? undefined,
        top: qs.get("$top") ?? undefined,
        skiptoken: qs.get("$skiptoken") ?? undefined,
      });
      const items = projectItems(this.view(r), list, page.rows, proj);
      let next: string | undefined;
      if (page.nextSkiptoken) {
        const u = new URL(req.url.toString());
        u.searchParams.set("$skiptoken", page.nextSkiptoken);
        if (!u.searchParams.has("$top")) u.searchParams.set("$top", "100");
        next = u.toString();
      }
      return r.json(200, collection(r.format, items, meta, next), "get-items");
    }
    if (method === "POST") {
      const row = store.addItem(list, parseBody(req.body), store.userForCaller(req.caller));
      const [item] = projectItems(this.view(r), list, [row], parseProjection(store, list, undefined, undefined));
      return r.json(201, single(r.format, item, `${meta}/@Element`), "add-item", {
        ETag: `"${row._version}"`,
        Location: itemUri(this.view(r), list, row.ID),
      });
    }
    throw Errors.method();
  }

  private item(r: Reply, req: ApiRequest, method: string, list: ListMeta, id: number, segs: Seg[]): ApiResponse {
    const store = this.ctx.store;
    const next = segs.shift();
    if (next) {
      if (next.name === "recycle") {
        if (method !== "POST") throw Errors.method();
        store.deleteItem(list, id, undefined);
        return r.json(200, primitive(r.format, "Recycle", newRecycleId(), r.meta("Edm.Guid")), "recycle-item");
      }
      if (next.name === "versions") return this.versions(r, req, method, list, id, next, segs);
      throw Errors.resource(next.raw);
    }
    if (method === "GET") {
      const row = store.getRow(list, id);
      if (!row) throw Errors.itemNotFound();
      const qs = req.url.searchParams;
      const proj = parseProjection(store, list, qs.get("$select") ?? undefined, qs.get("$expand") ?? undefined);
      const [item] = projectItems(this.view(r), list, [row], proj);
      return r.json(200, single(r.format, item, r.meta(`SP.Data.${entityTypeName(list).replace(/ListItem$/, "")}ListItems/@Element`)), "get-item", { ETag: `"${row._version}"` });
    }
    if (method === "MERGE") {
      const row = store.updateItem(list, id, parseBody(req.body), req.headers["if-match"], store.userForCaller(req.caller));
      return r.empty(204, "update-item", { ETag: `"${row._version}"` });
    }
    if (method === "DELETE") {
      store.deleteItem(list, id, req.headers["if-match"]);
      return r.empty(200, "delete-item");
    }
    throw Errors.method();
  }

  private versions(r: Reply, _req: ApiRequest, method: string, list: ListMeta, id: number, seg: Seg, segs: Seg[]): ApiResponse {
    if (method !== "GET") throw Errors.method();
    if (segs.length) throw Errors.resource(segs[0].raw);
    const store = this.ctx.store;
    let versions = store.versions(list, id);
    const current = versions[0]?.version;
    if (seg.args !== undefined) {
      const vid = argInt(seg.args);
      versions = versions.filter((v) => v.version * 512 === vid);
      if (!versions.length) throw new SpError(404, Codes.argument, "Version does not exist.");
    }
    const items = versions.map((v) => {
      const editor = store.users.get(v.editor);
      const props: Record<string, unknown> = {
        ...v.data,
        Created: v.modified,
        IsCurrentVersion: v.version === current,
        VersionId: v.version * 512,
        VersionLabel: `${v.version}.0`,
        Editor: { LookupId: v.editor, LookupValue: editor?.title ?? "", Email: editor?.email ?? "" },
      };
      for (const [k, val] of Object.entries(props)) {
        if (Array.isArray(val) && r.format === "verbose") props[k] = { results: val };
      }
      return entity(r.format, { type: "SP.ListItemVersion", uri: `${itemUri(this.view(r), list, id)}/versions(${v.version * 512})` }, props);
    });
    if (seg.args !== undefined) return r.json(200, single(r.format, items[0], r.meta("SP.ListItemVersion/@Element")), "versions");
    return r.json(200, collection(r.format, items, r.meta("SP.ListItemVersion")), "versions");
  }
}

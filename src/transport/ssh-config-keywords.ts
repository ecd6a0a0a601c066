// Every keyword OpenSSH's ssh_config reader accepts (current, deprecated and unsupported ones alike): `ssh`
// refuses a file with any other keyword unless IgnoreUnknown names it.

const KEYWORDS =
  'addkeystoagent addressfamily batchmode bindaddress bindinterface canonicaldomains canonicalizefallbacklocal ' +
  'canonicalizehostname canonicalizemaxdots canonicalizepermittedcnames casignaturealgorithms certificatefile ' +
  'challengeresponseauthentication channeltimeout checkhostip cipher ciphers clearallforwardings compression ' +
  'compressionlevel connectionattempts connecttimeout controlmaster controlpath controlpersist dsaauthentication ' +
  'dynamicforward enableescapecommandline enablesshkeysign escapechar exitonforwardfailure fallbacktorsh ' +
  'fingerprinthash forkafterauthentication forwardagent forwardx11 forwardx11timeout forwardx11trusted gatewayports ' +
  'globalknownhostsfile globalknownhostsfile2 gssapiauthentication gssapiclientidentity gssapidelegatecredentials ' +
  'gssapikexalgorithms gssapikeyexchange gssapirenewalforcesrekey gssapiserveridentity gssapitrustdns hashknownhosts ' +
  'host hostbasedacceptedalgorithms hostbasedauthentication hostbasedkeytypes hostkeyalgorithms hostkeyalias hostname ' +
  'identitiesonly identityagent identityfile ignoreunknown include ipqos kbdinteractiveauthentication ' +
  'kbdinteractivedevices kerberosauthentication kerberostgtpassing kexalgorithms keepalive knownhostscommand ' +
  'localcommand localforward loglevel logverbose macs match nohostauthenticationforlocalhost numberofpasswordprompts ' +
  'obscurekeystroketiming passwordauthentication permitlocalcommand permitremoteopen pkcs11provider port ' +
  'preferredauthentications protocol proxycommand proxyjump proxyusefdpass pubkeyacceptedalgorithms ' +
  'pubkeyacceptedkeytypes pubkeyauthentication rekeylimit remotecommand remoteforward requesttty requiredrsasize ' +
  'revokedhostkeys rhostsauthentication rhostsrsaauthentication rsaauthentication securitykeyprovider sendenv ' +
  'serveralivecountmax serveraliveinterval sessiontype setenv skeyauthentication smartcarddevice stdinnull ' +
  'streamlocalbindmask streamlocalbindunlink stricthostkeychecking syslogfacility tag tcpkeepalive tisauthentication ' +
  'tunnel tunneldevice updatehostkeys usekeychain useblacklistedkeys useprivilegedport user userknownhostsfile ' +
  'userknownhostsfile2 useroaming usersh verifyhostkeydns versionaddendum visualhostkey xauthlocation afstokenpassing';

/** Lowercased keywords OpenSSH knows. `usekeychain` is Apple's build only: kept out below. */
export const SSH_CONFIG_KEYWORDS: ReadonlySet<string> = new Set(KEYWORDS.split(/\s+/).filter((k) => k && k !== 'usekeychain'));
